package jp.joren.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** The secret in a reset link: 256 random bits; the database keeps only its SHA-256. */
record ResetToken(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static ResetToken random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new ResetToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
