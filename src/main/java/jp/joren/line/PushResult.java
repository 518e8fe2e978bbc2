package jp.joren.line;

import java.time.Duration;

/**
 * What LINE answered to one push. {@code retryAfter} is LINE's Retry-After (null when it gave none);
 * {@code detail} says what went wrong, for the owner's outbox page.
 */
public record PushResult(Outcome outcome, int status, Duration retryAfter, String detail) {

    public enum Outcome {
        /** LINE accepted it (now, or an earlier try with the same retry key did: 409). */
        ACCEPTED,
        /** Too many requests (429), LINE's own trouble (5xx) or no answer: safe to push again with the same key. */
        TRY_AGAIN,
        /** Any other refusal (400 bad request, 401 token, 403...): pushing again would be refused again. */
        REFUSED
    }
}
