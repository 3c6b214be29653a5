package dev.switchboard.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrossSiteCheckTest {
    private static final String OWN = "http://127.0.0.1:8080";

    @Test
    void theConsolesOwnPageAndCurlPass() {
        assertThat(CrossSiteCheck.problem("POST", OWN, OWN + "/switchboard/", "1", OWN, null)).isNull();
        assertThat(CrossSiteCheck.problem("PUT", null, null, "1", OWN, null)).isNull(); // curl sends no Origin
        assertThat(CrossSiteCheck.problem("POST", "HTTP://127.0.0.1:8080", null, "1", OWN, null)).isNull();
        assertThat(CrossSiteCheck.problem("POST", "http://localhost", null, "1", "http://localhost:80", null)).isNull();
    }

    @Test
    void readingIsNeverChecked() {
        assertThat(CrossSiteCheck.problem("GET", "http://evil.example", null, null, OWN, null)).isNull();
        assertThat(CrossSiteCheck.problem("OPTIONS", "http://evil.example", null, null, OWN, null)).isNull();
    }

    @Test
    void aChangeWithoutTheHeaderIsRefusedSayingWhichHeader() {
        assertThat(CrossSiteCheck.problem("POST", OWN, null, null, OWN, null))
                .contains("X-Switchboard-Operator: 1").contains("none sent");
        assertThat(CrossSiteCheck.problem("DELETE", null, null, "yes", OWN, null)).contains("sent 'yes'");
    }

    @Test
    void anotherOriginIsRefusedEvenWithTheHeader() {
        assertThat(CrossSiteCheck.problem("POST", "http://127.0.0.1:9999", null, "1", OWN, null))
                .contains("'http://127.0.0.1:9999'").contains(OWN);
        assertThat(CrossSiteCheck.problem("POST", "http://localhost:8080", null, "1", OWN, null)).isNotNull();
        assertThat(CrossSiteCheck.problem("POST", "https://127.0.0.1:8080", null, "1", OWN, null)).isNotNull();
        assertThat(CrossSiteCheck.problem("POST", "null", null, "1", OWN, null)).contains("'null'");
        // no Origin: the Referer decides
        assertThat(CrossSiteCheck.problem("POST", null, "http://evil.example/page?x", "1", OWN, null)).isNotNull();
        assertThat(CrossSiteCheck.problem("POST", null, "not a url", "1", OWN, null)).contains("names no origin");
    }

    @Test
    void aProxysPublicOriginCanBeAllowed() {
        String extra = "https://switchboard.example.com, https://ops.example.com:8443";
        assertThat(CrossSiteCheck.problem("POST", "https://switchboard.example.com", null, "1", OWN, extra)).isNull();
        assertThat(CrossSiteCheck.problem("POST", "https://ops.example.com:8443", null, "1", OWN, extra)).isNull();
        assertThat(CrossSiteCheck.problem("POST", "https://ops.example.com", null, "1", OWN, extra)).isNotNull();
    }

    @Test
    void whatTheClientSentIsEscapedInTheMessage() {
        assertThat(CrossSiteCheck.problem("POST", "http://x\u001B[2J", null, "1", OWN, null))
                .contains("\\u001B").doesNotContain("\u001B");
    }
}
