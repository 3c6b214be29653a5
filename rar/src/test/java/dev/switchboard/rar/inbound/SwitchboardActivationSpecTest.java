package dev.switchboard.rar.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.core.ApplicationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SwitchboardActivationSpecTest {

    private static SwitchboardActivationSpec spec(String app, String privileges, String mediaModes) {
        SwitchboardActivationSpec s = new SwitchboardActivationSpec();
        s.setApplicationName(app);
        if (privileges != null) {
            s.setPrivileges(privileges);
        }
        s.setMediaModes(mediaModes);
        return s;
    }

    @Test
    void validOwnerConfigBecomesApplicationSpec() throws InvalidPropertyException {
        SwitchboardActivationSpec s = spec("fax", null, "G3FAX:1, g4fax:2");
        s.setLines("line1,line2");
        ApplicationSpec a = s.toApplicationSpec();
        assertThat(a.name()).isEqualTo("fax");
        assertThat(a.lines()).containsExactly("line1", "line2");
        assertThat(a.privileges()).containsExactly(Privilege.OWNER);
        assertThat(a.declaredPriority(MediaMode.G3FAX)).isEqualTo(1);
        assertThat(a.declaredPriority(MediaMode.G4FAX)).isEqualTo(2);
    }

    @Test
    void defaultsAreEveryLineAndOwner() throws InvalidPropertyException {
        ApplicationSpec a = spec("voice", null, "INTERACTIVEVOICE:1").toApplicationSpec();
        assertThat(a.lines()).containsExactly("*");
        assertThat(a.privileges()).isEqualTo(Set.of(Privilege.OWNER));
    }

    @Test
    void monitorNeedsNoMediaModes() throws InvalidPropertyException {
        ApplicationSpec a = spec("audit", "MONITOR", null).toApplicationSpec();
        assertThat(a.isMonitor()).isTrue();
        assertThat(a.isOwner()).isFalse();
        assertThat(spec("both", "OWNER,MONITOR", "G3FAX:1").toApplicationSpec().privileges())
                .containsExactlyInAnyOrder(Privilege.OWNER, Privilege.MONITOR);
    }

    @Test
    void badValuesAreRefusedNamingPropertyAndValue() {
        assertThatThrownBy(() -> spec("fax", null, "G3FAX:x").validate())
                .isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("mediaModes 'G3FAX:x'").hasMessageContaining("priority 'x'");
        assertThatThrownBy(() -> spec("fax", null, "BOGUS:1").validate())
                .hasMessageContaining("mediaModes 'BOGUS:1'").hasMessageContaining("unknown media mode 'BOGUS'");
        assertThatThrownBy(() -> spec("fax", null, "G3FAX:0").validate()).hasMessageContaining("priority '0'");
        assertThatThrownBy(() -> spec("fax", null, "G3FAX").validate()).hasMessageContaining("is not MODE:PRIORITY");
        assertThatThrownBy(() -> spec("fax", null, "G3FAX:1,G3FAX:2").validate()).hasMessageContaining("twice");
        assertThatThrownBy(() -> spec("fax", null, null).validate())
                .hasMessageContaining("mediaModes ''").hasMessageContaining("OWNER must name");
        assertThatThrownBy(() -> spec("audit", "MONITOR", "G3FAX:1").validate())
                .hasMessageContaining("mediaModes 'G3FAX:1'").hasMessageContaining("only an application with privilege OWNER");
        assertThatThrownBy(() -> spec("x", "BOSS", "G3FAX:1").validate())
                .hasMessageContaining("privileges 'BOSS'");
        assertThatThrownBy(() -> spec(" ", null, "G3FAX:1").validate()).hasMessageContaining("applicationName ' '");
        SwitchboardActivationSpec lines = spec("x", null, "G3FAX:1");
        lines.setLines("*,line1");
        assertThatThrownBy(lines::validate).hasMessageContaining("lines '*,line1'");
    }

    @Test
    void aNameWithControlCharactersOrOfGreatLengthIsShownEscapedAndCut() {
        assertThatThrownBy(() -> spec("fax\r\nSWB2001: forged\u001B[2J,x", null, "G3FAX:1").validate())
                .hasMessageContaining("applicationName 'fax\\x0D\\x0ASWB2001: forged\\x1B[2J,x'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r").doesNotContain("\n")
                        .doesNotContain("\u001B"));
        assertThatThrownBy(() -> spec("fax", "BOSS" + "S".repeat(200_000), "G3FAX:1").validate())
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1000).contains("more chars)"));
    }
}
