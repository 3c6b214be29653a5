package dev.switchboard.console.api;

import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardOperator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Gives the REST resources the adapter's operator, from its connection factory. */
@ApplicationScoped
public class Operator {

    /** Where the resource adapter binds its connection factory. */
    public static final String FACTORY_JNDI = "java:app/switchboard/ConnectionFactory"; // see docs/portability.md

    @Resource(lookup = FACTORY_JNDI)
    SwitchboardConnectionFactory factory;

    @Produces
    SwitchboardOperator operator() {
        return factory.getOperator();
    }
}
