package jp.joren.line;

import java.time.Duration;

import jp.joren.shared.QrCodes;
import lombok.RequiredArgsConstructor;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Draws a coupon's QR code for LINE to fetch (see {@link CouponQrImages}). */
@RestController
@RequiredArgsConstructor
class CouponQrController {

    private final CouponQrImages images;

    @GetMapping(CouponQrImages.PATH + "{name:.+}")
    ResponseEntity<byte[]> image(@PathVariable String name) {
        return images.codeOf(name)
                .map(code -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(30))).body(QrCodes.png(code)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
