package jp.joren.imports;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import jp.joren.accounts.JorenUser;
import jp.joren.accounts.OwnerOnly;
import jp.joren.shared.CsvDownload;
import jp.joren.shops.ShopSettings;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Products and purchases as CSV for Excel (customers are exported from their list, with its filters). */
@OwnerOnly
@Controller
@RequiredArgsConstructor
class ExportController {

    private final Exports exports;
    private final CsvDownload download;
    private final ShopSettings shop;

    @GetMapping("/exports/products.csv")
    void products(@AuthenticationPrincipal JorenUser owner, HttpServletResponse response) throws IOException {
        download.send(response, fileName("products"), out -> exports.products(out, owner.accountId()));
    }

    @GetMapping("/exports/purchases.csv")
    void purchases(@AuthenticationPrincipal JorenUser owner, HttpServletResponse response) throws IOException {
        download.send(response, fileName("purchases"), out -> exports.purchases(out, owner.accountId()));
    }

    /** Named after the shop's own day, not the server's. */
    private String fileName(String name) {
        return name + "-" + shop.today() + ".csv";
    }
}
