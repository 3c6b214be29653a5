package dev.switchboard.it.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * A bare HTTP/1.1 request from a chosen loopback source address (127.0.0.2, 127.0.0.3, ...): the console
 * logs some refusals once per source address and interval, and a test of that needs a source of its own,
 * which java.net.http cannot choose.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** Sends {@code method path} with the given header lines; returns the status code. */
    static int send(String source, URL base, String method, String apiPath, String... headerLines) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout(20_000);
            StringBuilder request = new StringBuilder(method).append(' ').append(base.getPath());
            if (!base.getPath().endsWith("/")) {
                request.append('/');
            }
            request.append("api/").append(apiPath).append(" HTTP/1.1\r\nHost: ").append(base.getHost()).append(':')
                    .append(base.getPort()).append("\r\nConnection: close\r\nContent-Length: 0\r\n");
            for (String h : headerLines) {
                request.append(h).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String response = readAll(socket.getInputStream());
            String status = response.lines().findFirst().orElse("");
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }
}
