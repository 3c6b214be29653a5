package dev.switchboard.sip.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Digest answers against the worked examples of the RFCs, and the choices between challenges. */
class DigestTest {
    private static final DigestCredentials MUFASA_2617 = new DigestCredentials("Mufasa", "Circle Of Life");
    private static final DigestCredentials MUFASA_7616 = new DigestCredentials("Mufasa", "Circle of Life");
    private static final String NONCE_7616 = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String CNONCE_7616 = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
    private static final String OPAQUE_7616 = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";

    private static String param(String header, String name) {
        Matcher m = Pattern.compile("(?:^Digest |, )" + name + "=(\"(?:[^\"\\\\]|\\\\.)*\"|[^,]*)").matcher(header);
        assertThat(m.find()).as(name + " in " + header).isTrue();
        return m.group(1);
    }

    @Test
    void rfc2617WorkedExampleGivesItsResponse() {
        DigestChallenge c = new DigestChallenge("testrealm@host.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093", null,
                List.of("auth", "auth-int"), "5ccc069c403ebaf9f0171e9517f40e41", false);
        String h = Digest.authorization(c, MUFASA_2617, "GET", "/dir/index.html", null, "0a4f113b");
        assertThat(param(h, "response")).isEqualTo("\"6629fae49393a05397450978507c4ef1\"");
        assertThat(param(h, "qop")).isEqualTo("auth");
        assertThat(param(h, "nc")).isEqualTo("00000001");
        assertThat(param(h, "cnonce")).isEqualTo("\"0a4f113b\"");
        assertThat(param(h, "opaque")).isEqualTo("\"5ccc069c403ebaf9f0171e9517f40e41\"");
        assertThat(param(h, "uri")).isEqualTo("\"/dir/index.html\"");
        assertThat(param(h, "username")).isEqualTo("\"Mufasa\"");
    }

    @Test
    void rfc7616WorkedExamplesGiveTheirMd5AndSha256Responses() {
        for (String[] example : new String[][] {{"MD5", "8ca523f5e9506fed4657c9700eebdbec"},
                {"SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"}}) {
            DigestChallenge c = new DigestChallenge("http-auth@example.org", NONCE_7616, example[0], List.of("auth"),
                    OPAQUE_7616, false);
            String h = Digest.authorization(c, MUFASA_7616, "GET", "/dir/index.html", null, CNONCE_7616);
            assertThat(param(h, "response")).as(example[0]).isEqualTo("\"" + example[1] + "\"");
            assertThat(param(h, "algorithm")).isEqualTo(example[0]);
        }
    }

    @Test
    void withoutQopTheAnswerHasNoClientNonce() {
        DigestChallenge c = new DigestChallenge("r", "n", null, List.of(), null, false);
        String h = Digest.authorization(c, MUFASA_2617, "INVITE", "sip:bob@example.org", null, "ignored");
        assertThat(h).doesNotContain("cnonce").doesNotContain("qop").doesNotContain("nc=").doesNotContain("opaque");
    }

    @Test
    void quotesInNamesAreEscaped() {
        DigestChallenge c = new DigestChallenge("a \"realm\"", "n", "MD5", List.of("auth"), null, false);
        String h = Digest.authorization(c, new DigestCredentials("o\\brien", "x"), "INVITE", "sip:b@h", null, "c");
        assertThat(param(h, "realm")).isEqualTo("\"a \\\"realm\\\"\"");
        assertThat(param(h, "username")).isEqualTo("\"o\\\\brien\"");
    }

    @Test
    void clientNoncesDoNotRepeat() {
        assertThat(Digest.newClientNonce()).hasSize(32).isNotEqualTo(Digest.newClientNonce());
    }

    @Test
    void theStrongestAnswerableChallengeIsChosen() {
        DigestChallenge md5 = new DigestChallenge("r", "n1", "MD5", List.of("auth"), null, false);
        DigestChallenge sha = new DigestChallenge("r", "n2", "SHA-256", List.of("auth"), null, false);
        DigestChallenge unknown = new DigestChallenge("r", "n3", "SHA-3-512", List.of("auth"), null, false);
        DigestChallenge sessWithoutQop = new DigestChallenge("r", "n4", "SHA-512-256-sess", List.of(), null, false);
        assertThat(Digest.strongest(List.of(md5, sha, unknown, sessWithoutQop))).contains(sha);
        assertThat(Digest.strongest(List.of(unknown, sessWithoutQop))).isEmpty();
        assertThatThrownBy(() -> Digest.authorization(unknown, MUFASA_2617, "INVITE", "sip:b@h", null, "c"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHA-3-512");
    }

    @Test
    void authIntHashesTheBodyAndOnlyUnknownQopsAreRefused() {
        DigestChallenge authInt = new DigestChallenge("r", "n", "MD5", List.of("auth-int"), null, false);
        String withBody = Digest.authorization(authInt, MUFASA_2617, "INVITE", "sip:b@h", "v=0\r\n".getBytes(), "c");
        String otherBody = Digest.authorization(authInt, MUFASA_2617, "INVITE", "sip:b@h", "v=1\r\n".getBytes(), "c");
        assertThat(param(withBody, "qop")).isEqualTo("auth-int");
        assertThat(param(withBody, "response")).isNotEqualTo(param(otherBody, "response"));
        assertThat(Digest.canAnswer(new DigestChallenge("r", "n", "MD5", List.of("x-token"), null, false))).isFalse();
    }

    @Test
    void qopOptionsAreReadFromTheParameter() {
        assertThat(DigestChallenge.qopOptions("auth, Auth-Int")).containsExactly("auth", "auth-int");
        assertThat(DigestChallenge.qopOptions(null)).isEmpty();
    }

    @Test
    void credentialsNeverShowTheirPassword() {
        assertThat(new DigestCredentials("trunk", "s3cret").toString()).contains("trunk").doesNotContain("s3cret");
    }
}
