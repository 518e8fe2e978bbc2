package jp.joren.customers.page;

import java.time.LocalDate;

import jp.joren.accounts.JorenUser;
import jp.joren.catalog.CatalogQueries;
import jp.joren.catalog.ProductChoice;
import jp.joren.customers.CustomerRegistry;
import jp.joren.customers.OwnedProducts;
import jp.joren.shops.ShopSettings;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The counter records, on a customer's page, a model the customer owns but did not buy here (or not recently). */
@Controller
@RequiredArgsConstructor
class OwnedProductController {

    private final CustomerRegistry registry;
    private final CatalogQueries catalog;
    private final OwnedProducts ownedProducts;
    private final ShopSettings shop;

    /** A model bought elsewhere or earlier, so its parts' reminders can reach the customer. */
    @PostMapping("/customers/{id}/owned-products")
    String addOwnedProduct(@PathVariable long id, @RequestParam String productCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate purchasedOn,
            @AuthenticationPrincipal JorenUser clerk, RedirectAttributes redirect) {
        registry.find(id);
        ProductChoice model = catalog.byCode(productCode).filter(ProductChoice::isModel).orElse(null);
        if (model == null || purchasedOn == null
                || purchasedOn.isAfter(shop.today())) {
            redirect.addFlashAttribute("ownedProductError",
                    model == null ? "customer.owned.unknownModel" : "customer.owned.badDate");
            redirect.addFlashAttribute("ownedProductCode", productCode);
            return "redirect:/customers/" + id + "#owned";
        }
        ownedProducts.registerByStaff(id, model.modelId(), purchasedOn, clerk.accountId());
        redirect.addFlashAttribute("notice", "customer.owned.added");
        return "redirect:/customers/" + id + "#owned";
    }
}
