package dev.mercato.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection, for requests a well-behaved client
 * library refuses to send: raw bytes in the path, control characters in headers, bodies whose length
 * or encoding lies.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 30_000;

    private RawHttp() {
    }

    /** What came back: the status ({@code -1} when the server closed without answering) and the body. */
    public record Answer(int status, String body) {
    }

    /** One request; {@code Host}, {@code Connection: close} and {@code Content-Length} are added. */
    public static Answer send(int port, String method, byte[] target, Map<String, String> headers, byte[] body)
            throws IOException {
        return send(null, port, method, target, headers, body);
    }

    /** Like {@link #send(int, String, byte[], Map, byte[])}, from {@code from} (a local address) when not null. */
    public static Answer send(InetAddress from, int port, String method, byte[] target, Map<String, String> headers,
            byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            if (from != null) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write((method + " ").getBytes(StandardCharsets.ISO_8859_1));
            request.write(target);
            request.write(" HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
            Map<String, String> all = new LinkedHashMap<>();
            all.put("Host", "127.0.0.1:" + port);
            all.put("Connection", "close");
            all.putAll(headers);
            if (body != null) {
                all.put("Content-Length", Integer.toString(body.length));
            }
            for (Map.Entry<String, String> header : all.entrySet()) {
                request.write((header.getKey() + ": " + header.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            request.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                request.write(body);
            }
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.toByteArray());
                out.flush();
            } catch (IOException refusedMidway) {
                // the server may answer and close before the whole body is written; read what it said
            }
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException reset) {
            return new Answer(-1, "");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.startsWith("HTTP/1.")) {
            return new Answer(-1, text);
        }
        int space = text.indexOf(' ');
        int status = Integer.parseInt(text.substring(space + 1, space + 4));
        int headersEnd = text.indexOf("\r\n\r\n");
        return new Answer(status, headersEnd < 0 ? "" : text.substring(headersEnd + 4));
    }
}
