package jp.joren.line;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jp.joren.shared.PublicLinks;
import org.springframework.stereotype.Component;

/**
 * The coupon's QR code as an image LINE can fetch: LINE shows an image only from a public HTTPS address, so
 * the address carries the code with a signature (HMAC with joren.line.secret-key). It shows no more than the
 * message beside it already says, and without the signature the address draws nothing, so Joren is no
 * QR-code service for anyone else.
 */
@Component
public class CouponQrImages {

    static final String PATH = "/line/coupon-qr/";

    private final byte[] key;
    private final PublicLinks links;

    CouponQrImages(LineProperties line, PublicLinks links) {
        this.key = Base64.getDecoder().decode(line.secretKey());
        this.links = links;
    }

    /** The image's public address for a coupon code (as printed, XXXXX-XXXXX). */
    public String url(String couponCode) {
        return links.to(PATH + "{name}").buildAndExpand(couponCode + "." + signature(couponCode) + ".png").toUriString();
    }

    /** The coupon code an image name stands for, when its signature is Joren's. */
    Optional<String> codeOf(String name) {
        String[] parts = name.split("\\.");
        if (parts.length != 3 || !parts[2].equals("png")) {
            return Optional.empty();
        }
        boolean signed = MessageDigest.isEqual(signature(parts[0]).getBytes(StandardCharsets.US_ASCII),
                parts[1].getBytes(StandardCharsets.US_ASCII));
        return signed ? Optional.of(parts[0]) : Optional.empty();
    }

    private String signature(String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = mac.doFinal(("coupon-qr:" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(full, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
