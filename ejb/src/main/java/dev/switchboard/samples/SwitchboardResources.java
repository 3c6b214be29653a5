package dev.switchboard.samples;

import dev.switchboard.api.SwitchboardConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * CDI producer: makes the adapter's connection factory injectable with a plain
 * {@code @Inject SwitchboardConnectionFactory factory;} (as {@link VoiceApplication} does),
 * so that only this class knows the JNDI name.
 */
@ApplicationScoped
public class SwitchboardResources {

    @Produces
    @Resource(lookup = Samples.FACTORY_JNDI)
    private SwitchboardConnectionFactory connectionFactory;
}
