package jp.joren.imports;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import jp.joren.accounts.JorenUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Products and purchases as CSV for Excel (customers are exported from their list, with its filters). */
@Controller
class ExportController {

    private final Exports exports;
    private final Clock clock;

    ExportController(Exports exports, Clock clock) {
        this.exports = exports;
        this.clock = clock;
    }

    @GetMapping("/exports/products.csv")
    void products(@AuthenticationPrincipal JorenUser owner, HttpServletResponse response) throws IOException {
        attachment(response, "products");
        exports.products(response.getOutputStream(), owner.accountId());
    }

    @GetMapping("/exports/purchases.csv")
    void purchases(@AuthenticationPrincipal JorenUser owner, HttpServletResponse response) throws IOException {
        attachment(response, "purchases");
        exports.purchases(response.getOutputStream(), owner.accountId());
    }

    private void attachment(HttpServletResponse response, String name) {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(name + "-" + LocalDate.now(clock) + ".csv").build().toString());
    }
}
