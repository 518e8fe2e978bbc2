package jp.joren.line;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts the shop's LINE channel secret and access token for the database (AES-256-GCM, a random 12-byte
 * nonce stored before the ciphertext), so a copy of the database alone does not let anyone write to a
 * shop's customers. The key is configuration (joren.line.secret-key, Base64 of 32 bytes), never in the database.
 */
@Component
class LineSecretBox {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    LineSecretBox(LineProperties line) {
        byte[] bytes = Base64.getDecoder().decode(line.secretKey().trim());
        if (bytes.length != 32) {
            throw new IllegalStateException("joren.line.secret-key must be Base64 of 32 bytes (AES-256)");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    byte[] seal(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a LINE credential", e);
        }
    }

    String open(byte[] box) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, box, 0, NONCE_BYTES));
            return new String(cipher.doFinal(box, NONCE_BYTES, box.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // a changed key or a tampered row: the shop must connect LINE again
            throw new IllegalStateException("Could not decrypt a LINE credential", e);
        }
    }
}
