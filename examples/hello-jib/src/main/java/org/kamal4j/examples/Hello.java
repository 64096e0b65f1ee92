package org.kamal4j.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A tiny HTTP server: {@code GET /up} answers 200 "OK", every other path the greeting. */
public final class Hello {

    static final String GREETING = "hello from Jib";

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/up", exchange -> answer(exchange, "OK"));
        server.createContext("/", exchange -> answer(exchange, GREETING));
        server.start();
        System.out.println("Listening on " + port);
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
