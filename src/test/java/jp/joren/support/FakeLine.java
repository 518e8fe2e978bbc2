package jp.joren.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fake of LINE's Messaging API inside the test JVM (the JDK's HTTP server), at the base URL the application
 * is given (joren.line.api-base-url). It records every push, answers 200 as LINE does, 409 to a retry key it
 * has accepted before (as LINE does, so a repeated push is not delivered twice), and whatever a test asks of
 * the next push to a recipient: 429 with Retry-After, 500, 400. One per JVM, shared by every test context.
 */
public final class FakeLine {

    /**
     * One push as LINE received it: its text and, when it carried one, its image's address; {@code delivered}
     * is false for one it refused or had already delivered.
     */
    public record Push(String authorization, String retryKey, String contentType, String to, String text,
            String imageUrl, int answered) {

        public boolean delivered() {
            return answered == 200;
        }
    }

    /** What the fake answers to the next push to a recipient. */
    public record Answer(int status, String retryAfter, String body) {
    }

    private static FakeLine instance;

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Push> pushes = new ArrayList<>();
    private final Map<String, Deque<Answer>> scripted = new HashMap<>();
    private final Set<String> acceptedKeys = new HashSet<>();

    private FakeLine() {
        // the JDK server writes an answer's headers and body separately: without TCP_NODELAY each answer waits
        // for the client's delayed ACK (about 40 ms), which real LINE servers do not make anyone wait
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/v2/bot/message/push", this::push);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    public static synchronized FakeLine get() {
        if (instance == null) {
            instance = new FakeLine();
        }
        return instance;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next push to {@code to} gets this answer (several calls queue several answers). */
    public synchronized void answerNext(String to, int status, String retryAfter) {
        scripted.computeIfAbsent(to, key -> new ArrayDeque<>())
                .add(new Answer(status, retryAfter, "{\"message\":\"fake answer " + status + "\"}"));
    }

    /** Every push to {@code to}, in order, whatever it was answered. */
    public synchronized List<Push> pushesTo(String to) {
        return pushes.stream().filter(push -> to.equals(push.to())).toList();
    }

    /** The pushes to {@code to} that LINE delivered: what the customer's phone shows. */
    public synchronized List<Push> deliveredTo(String to) {
        return pushes.stream().filter(push -> to.equals(push.to()) && push.delivered()).toList();
    }

    public synchronized int deliveredCount() {
        return (int) pushes.stream().filter(Push::delivered).count();
    }

    private void push(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, new Answer(405, null, "{}"));
                return;
            }
            String to;
            String text;
            String image;
            try {
                JsonNode request = json.readTree(body);
                to = request.path("to").asString("");
                text = request.path("messages").path(0).path("text").asString(null);
                image = request.path("messages").path(1).path("originalContentUrl").asString(null);
            } catch (RuntimeException e) {
                answer(exchange, new Answer(400, null, "{\"message\":\"The request body has 1 error(s)\"}"));
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String retryKey = exchange.getRequestHeaders().getFirst("X-Line-Retry-Key");
            Answer answer;
            synchronized (this) {
                Deque<Answer> next = scripted.get(to);
                if (next != null && !next.isEmpty()) {
                    answer = next.poll();
                } else if (authorization == null || !authorization.startsWith("Bearer ")) {
                    answer = new Answer(401, null, "{\"message\":\"Authentication failed\"}");
                } else if (retryKey != null && acceptedKeys.contains(retryKey)) {
                    answer = new Answer(409, null, "{\"message\":\"The retry key is already accepted\"}");
                } else if (text == null || text.isEmpty() || to.isEmpty()) {
                    answer = new Answer(400, null, "{\"message\":\"The request body has 1 error(s)\"}");
                } else {
                    answer = new Answer(200, null, "{\"sentMessages\":[{\"id\":\"" + System.nanoTime() + "\"}]}");
                    if (retryKey != null) {
                        acceptedKeys.add(retryKey);
                    }
                }
                pushes.add(new Push(authorization, retryKey, exchange.getRequestHeaders().getFirst("Content-Type"), to,
                        text, image, answer.status()));
            }
            answer(exchange, answer);
        }
    }

    private static void answer(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
