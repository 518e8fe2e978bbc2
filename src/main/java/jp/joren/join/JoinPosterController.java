package jp.joren.join;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jp.joren.shared.PublicLinks;
import jp.joren.shops.Shop;
import jp.joren.shops.ShopSettings;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The QR code of the shop's public sign-up page, and a page to print it for the till (owner only). */
@Controller
class JoinPosterController {

    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

    private final ShopSettings shops;
    private final PublicLinks links;

    JoinPosterController(ShopSettings shops, PublicLinks links) {
        this.shops = shops;
        this.links = links;
    }

    @GetMapping("/settings/join-poster")
    String poster(Model model) {
        Shop shop = shops.currentShop();
        model.addAttribute("shopName", shop.getName());
        model.addAttribute("joinUrl", joinUrl(shop));
        return "join/poster";
    }

    @GetMapping("/settings/join-qr.svg")
    ResponseEntity<String> qrCode() throws WriterException {
        BitMatrix matrix = new QRCodeWriter().encode(joinUrl(shops.currentShop()), BarcodeFormat.QR_CODE, 0, 0,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        return ResponseEntity.ok().contentType(SVG).cacheControl(CacheControl.noCache()).body(svg(matrix));
    }

    /** One path of unit squares: small, sharp at any print size, no image library needed. */
    static String svg(BitMatrix matrix) {
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" shape-rendering="crispEdges">\
                <rect width="100%%" height="100%%" fill="#fff"/><path d="%s" fill="#000"/></svg>"""
                .formatted(matrix.getWidth(), matrix.getHeight(), path);
    }

    private String joinUrl(Shop shop) {
        return links.to("/join/{slug}").buildAndExpand(shop.getSlug())
                .toUriString();
    }
}
