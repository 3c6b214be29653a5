package dev.switchboard.sip.provider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keys and certificates for the TLS tests, made at run time by the JDK's keytool (no private key
 * is kept in the repository): a server key for 127.0.0.1, a client key, and one PKCS12 trust
 * store holding both certificates, so each side trusts the other. Also the server certificate as
 * PEM, for openssl.
 */
record TestKeyStores(Path server, Path client, Path trust, Path serverPem) {
    static final String PASSWORD = "test-only-1";

    static TestKeyStores create(Path dir) throws IOException, InterruptedException {
        TestKeyStores k = new TestKeyStores(dir.resolve("server.p12"), dir.resolve("client.p12"),
                dir.resolve("trust.p12"), dir.resolve("server.pem"));
        Path clientPem = dir.resolve("client.pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", k.server.toString(),
                "-storepass", PASSWORD);
        keytool("-genkeypair", "-alias", "client", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=caller",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", k.client.toString(), "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", k.server.toString(), "-storepass", PASSWORD,
                "-file", k.serverPem.toString());
        keytool("-exportcert", "-rfc", "-alias", "client", "-keystore", k.client.toString(), "-storepass", PASSWORD,
                "-file", clientPem.toString());
        for (Path pem : List.of(k.serverPem, clientPem)) {
            keytool("-importcert", "-noprompt", "-alias", pem.getFileName().toString(), "-file", pem.toString(),
                    "-storetype", "PKCS12", "-keystore", k.trust.toString(), "-storepass", PASSWORD);
        }
        return k;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("keytool did not finish within 60 s: " + cmd);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("keytool failed (" + p.exitValue() + "): " + cmd + "\n" + out);
        }
    }
}
