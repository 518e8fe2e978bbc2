package jp.joren.line;

import java.time.Instant;

/** A one-time code the customer sends to the shop's LINE account to link it to their record. */
public record LinkCode(String code, Instant expiresAt) {
}
