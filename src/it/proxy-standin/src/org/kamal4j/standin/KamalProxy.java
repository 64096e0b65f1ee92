package org.kamal4j.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Security;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;

/** Entry point: `kamal-proxy run` serves; every other command is sent to the running server's control port. */
public final class KamalProxy {

    static final String VERSION = "v0.9.2-standin";
    private static final int CONTROL_PORT = Integer.parseInt(env("KAMAL_PROXY_CONTROL_PORT", "9299"));

    private KamalProxy() {
    }

    public static void main(String[] argv) throws IOException {
        List<String> args = Arrays.asList(argv);
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
            System.out.println("usage: kamal-proxy run|deploy|remove|stop|resume|list|version [flags]");
            return;
        }
        switch (args.get(0)) {
            case "run" -> serve(Args.parse(args.subList(1, args.size())));
            case "version", "--version" -> System.out.println("kamal-proxy " + VERSION);
            default -> System.exit(client(args));
        }
    }

    private static void serve(Args a) throws IOException {
        // Containers come and go on the kamal network: look names up again instead of caching them for 30 s.
        Security.setProperty("networkaddress.cache.ttl", "1");
        Security.setProperty("networkaddress.cache.negative.ttl", "0");
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // $HOME, not user.home: the JVM takes user.home from /etc/passwd (root), but the volume is mounted here.
        Router router = new Router(new StateStore(Path.of(env("KAMAL_PROXY_STATE_DIR",
                env("HOME", "/home/kamal-proxy") + "/.config/kamal-proxy"))));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        int httpPort = Integer.parseInt(a.get("http-port", "80"));
        HttpServer http = HttpServer.create(new InetSocketAddress(httpPort), 1024);
        http.createContext("/", new ProxyHandler(router, client, a.bool("debug", false)));
        http.setExecutor(Executors.newFixedThreadPool(64));
        HttpServer control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), CONTROL_PORT), 64);
        Commands commands = new Commands(router, client);
        control.createContext("/", ex -> control(ex, commands));
        control.setExecutor(Executors.newCachedThreadPool());
        http.start();
        control.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            http.stop(1);
            control.stop(0);
        }));
        Log.info("Server started", "http_port", httpPort, "version", VERSION, "services", router.services().size(),
                "metrics_port", a.get("metrics-port", "none (accepted, not served)"));
    }

    private static void control(HttpExchange ex, Commands commands) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Commands.Reply reply = commands.run(body.isEmpty() ? List.of() : Arrays.asList(body.split("\0", -1)));
            byte[] out = reply.text().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(reply.ok() ? 200 : 422, out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                ex.getResponseBody().write(out);
            }
        }
    }

    /** Plain HTTP/1.0 over a socket: the JDK HttpClient takes a second to start, too slow for every exec. */
    private static int client(List<String> args) {
        byte[] body = String.join("\0", args).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.0\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String text = split < 0 ? "" : response.substring(split + 4);
            if (response.startsWith("HTTP/1.1 200") || response.startsWith("HTTP/1.0 200")) {
                if (!text.isEmpty()) {
                    System.out.println(text);
                }
                return 0;
            }
            System.err.println("Error: " + (text.isEmpty() ? response.lines().findFirst().orElse("no answer") : text));
            return 1;
        } catch (ConnectException e) {
            System.err.println("Error: kamal-proxy is not running (nothing answers on 127.0.0.1:" + CONTROL_PORT
                    + " for 30 s); start it with `kamal-proxy run`");
            return 1;
        } catch (IOException e) {
            System.err.println("Error: lost the connection to kamal-proxy: " + e);
            return 1;
        }
    }

    /**
     * The real proxy (Go) listens within milliseconds of `docker run`; a JVM needs a second or more on a busy
     * machine, so a command sent right after the start waits up to 30 s for the server instead of failing.
     */
    private static Socket connect() throws IOException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try {
                return new Socket(InetAddress.getLoopbackAddress(), CONTROL_PORT);
            } catch (ConnectException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(100);
            }
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the server", e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }
}
