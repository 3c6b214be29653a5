package dev.switchboard.rar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.spi.ResourceAdapterInternalException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter's instanceName: the stable MXBean name, what the operator view reports, and what is refused. */
class InstanceNameTest {
    @TempDir
    Path dir;

    private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();

    @Test
    void unsetTheAdapterIsCalledSwitchboardWhateverItsLines() throws Exception {
        SwitchboardResourceAdapter ra = adapter(null);
        ra.setSimulatedLines("east,west");
        ra.start(Fakes.bootstrap(new Fakes.ImmediateWorkManager()));
        try {
            ObjectName name = new ObjectName("dev.switchboard:type=ResourceAdapter,name=switchboard");
            assertThat(ra.requireRuntime().statistics().objectName()).isEqualTo(name);
            assertThat(jmx.getAttribute(name, "Lines")).isEqualTo(new String[] {"east (sim)", "west (sim)"});
            assertThat(ra.requireRuntime().operator().instanceName()).isEqualTo("switchboard");
        } finally {
            ra.stop();
        }
    }

    @Test
    void aConfiguredNameNamesTheMxBeanAndTheOperatorView() throws Exception {
        SwitchboardResourceAdapter ra = adapter("  pbx-east ");
        ra.start(Fakes.bootstrap(new Fakes.ImmediateWorkManager()));
        ObjectName name = new ObjectName("dev.switchboard:type=ResourceAdapter,name=pbx-east");
        try {
            assertThat(jmx.isRegistered(name)).isTrue();
            assertThat(ra.requireRuntime().operator().instanceName()).isEqualTo("pbx-east");
        } finally {
            ra.stop();
        }
        assertThat(jmx.isRegistered(name)).as("gone with the adapter").isFalse();
    }

    @Test
    void twoAdaptersWithTheSameNameBothPublishTheSecondNumbered() throws Exception {
        SwitchboardResourceAdapter first = adapter("twin");
        SwitchboardResourceAdapter second = adapter("twin");
        first.start(Fakes.bootstrap(new Fakes.ImmediateWorkManager()));
        try {
            second.start(Fakes.bootstrap(new Fakes.ImmediateWorkManager()));
            try {
                assertThat(second.requireRuntime().statistics().objectName())
                        .isEqualTo(new ObjectName("dev.switchboard:type=ResourceAdapter,name=twin-2"));
            } finally {
                second.stop();
            }
        } finally {
            first.stop();
        }
    }

    @Test
    void aNameThatCannotStandInAnObjectNameOrALabelIsRefusedNamingIt() {
        SwitchboardResourceAdapter ra = adapter("east,type=x");
        assertThatThrownBy(() -> ra.start(Fakes.bootstrap(new Fakes.ImmediateWorkManager())))
                .isInstanceOf(ResourceAdapterInternalException.class)
                .hasMessageContaining("instanceName 'east,type=x'");
        assertThat(InstanceName.parse(" ")).isEqualTo(InstanceName.DEFAULT);
        assertThatThrownBy(() -> InstanceName.parse("x".repeat(65))).hasMessageContaining("1 to 64");
    }

    private SwitchboardResourceAdapter adapter(String instanceName) {
        SwitchboardResourceAdapter ra = new SwitchboardResourceAdapter();
        ra.setProvider("sim");
        ra.setPriorityFile(dir.resolve("priorities-" + System.nanoTime() + ".properties").toString());
        ra.setInstanceName(instanceName);
        return ra;
    }
}
