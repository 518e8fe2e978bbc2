package jp.joren.join;

import jp.joren.accounts.OwnerOnly;
import jp.joren.shared.PublicLinks;
import jp.joren.shared.QrCodes;
import jp.joren.shops.Shop;
import jp.joren.shops.ShopSettings;
import lombok.RequiredArgsConstructor;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The QR code of the shop's public sign-up page, and a page to print it for the till. */
@OwnerOnly
@Controller
@RequiredArgsConstructor
class JoinPosterController {

    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

    private final ShopSettings shops;
    private final PublicLinks links;

    @GetMapping("/settings/join-poster")
    String poster(Model model) {
        Shop shop = shops.currentShop();
        model.addAttribute("shopName", shop.getName());
        model.addAttribute("joinUrl", joinUrl(shop));
        return "join/poster";
    }

    @GetMapping("/settings/join-qr.svg")
    ResponseEntity<String> qrCode() {
        return ResponseEntity.ok().contentType(SVG).cacheControl(CacheControl.noCache())
                .body(QrCodes.svg(joinUrl(shops.currentShop())));
    }

    private String joinUrl(Shop shop) {
        return links.to("/join/{slug}").buildAndExpand(shop.getSlug())
                .toUriString();
    }
}
