package jp.joren.line;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes text messages through LINE's Messaging API (POST /v2/bot/message/push).
 * <p>
 * Why not LINE's Java SDK (com.linecorp.bot:line-bot-messaging-api-client): it does not resolve from the
 * Maven repository this project builds against (9.13.0, 9.0.0 and 8.7.0 were all absent), and it brings its
 * own OkHttp/Retrofit stack and Jackson 2 beside Boot 4's Jackson 3. The one call Joren makes is small, so
 * Spring's RestClient does it against the documented API.
 * <p>
 * Every push carries an X-Line-Retry-Key derived from the outbox message: LINE accepts a key once (for 24
 * hours) and answers 409 to a repeat, so a push retried after a lost answer never reaches the customer twice.
 */
@Component
public class LineMessaging {

    /** LINE's limit for one text message. */
    static final int MAX_TEXT = 5000;

    private final RestClient client;
    private final JsonMapper json;

    LineMessaging(LineProperties line, JsonMapper json) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(line.connectTimeout()).build());
        requests.setReadTimeout(line.readTimeout());
        this.client = RestClient.builder().baseUrl(line.apiBaseUrl().replaceAll("/+$", "")).requestFactory(requests)
                .build();
        this.json = json;
    }

    /** The retry key of one message: the same for every try of it, different for every message of every shop. */
    public static UUID retryKey(long shop, long messageId) {
        return UUID.nameUUIDFromBytes(("joren-line:" + shop + ":" + messageId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public PushResult push(LineCredentials credentials, String to, String text, UUID retryKey) {
        return push(credentials, to, text, null, retryKey);
    }

    /**
     * The text, and after it the image at {@code imageUrl} when there is one (a coupon's QR code), in one push:
     * one retry key covers both, so they arrive together once or not at all.
     */
    public PushResult push(LineCredentials credentials, String to, String text, String imageUrl, UUID retryKey) {
        List<Map<String, String>> messages = imageUrl == null
                ? List.of(Map.of("type", "text", "text", shorten(text)))
                : List.of(Map.of("type", "text", "text", shorten(text)),
                        Map.of("type", "image", "originalContentUrl", imageUrl, "previewImageUrl", imageUrl));
        String body = json.writeValueAsString(Map.of("to", to, "messages", messages));
        try {
            return client.post().uri("/v2/bot/message/push")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + credentials.accessToken())
                    .header("X-Line-Retry-Key", retryKey.toString())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        String answer = new String(response.getBody().readNBytes(2000), java.nio.charset.StandardCharsets.UTF_8);
                        if (status / 100 == 2 || status == 409) {
                            return new PushResult(PushResult.Outcome.ACCEPTED, status, null, null);
                        }
                        if (status == 429 || status >= 500) {
                            return new PushResult(PushResult.Outcome.TRY_AGAIN, status,
                                    retryAfter(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)),
                                    "LINE " + status + " " + answer);
                        }
                        return new PushResult(PushResult.Outcome.REFUSED, status, null, "LINE " + status + " " + answer);
                    });
        } catch (RestClientException e) {
            // no answer (timeout, connection refused): the retry key makes pushing again safe
            return new PushResult(PushResult.Outcome.TRY_AGAIN, 0, null, "LINE did not answer: " + e.getMessage());
        }
    }

    private static String shorten(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    /** Retry-After in seconds (LINE does not send the HTTP-date form). */
    private static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
