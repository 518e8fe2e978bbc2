package jp.joren.line;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * LINE signs each webhook request: X-Line-Signature is Base64(HMAC-SHA256(body, channel secret)). Compared in
 * constant time, so the answer's timing tells a forger nothing about how much of a guess was right.
 */
final class LineSignature {

    private LineSignature() {
    }

    static String sign(byte[] body, String channelSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(channelSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean valid(byte[] body, String signature, String channelSecret) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(sign(body, channelSecret).getBytes(StandardCharsets.US_ASCII),
                signature.trim().getBytes(StandardCharsets.UTF_8));
    }
}
