package dev.switchboard.rar;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.resource.spi.Connector;
import org.junit.jupiter.api.Test;

/**
 * The resource adapter version a server shows (the {@code @Connector} version, the
 * resourceadapter-version of the deployment descriptor) is the version of the POM that built it,
 * not a number someone has to remember to change.
 */
class ConnectorVersionTest {

    /** Set by the rar module's surefire configuration to ${project.version}. */
    private static final String BUILT_VERSION = System.getProperty("switchboard.project.version");

    @Test
    void connectorVersionIsTheProjectVersion() {
        assertThat(BUILT_VERSION)
                .as("system property switchboard.project.version (set by the rar module's surefire configuration)")
                .isNotBlank();
        Connector connector = SwitchboardResourceAdapter.class.getAnnotation(Connector.class);
        assertThat(connector.version()).isEqualTo(BUILT_VERSION);
        assertThat(Version.VERSION).isEqualTo(BUILT_VERSION);
    }
}
