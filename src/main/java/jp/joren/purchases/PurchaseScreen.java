package jp.joren.purchases;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.joren.catalog.CatalogQueries;
import jp.joren.catalog.ProductChoice;
import jp.joren.customers.CustomerRegistry;
import jp.joren.shops.Store;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/** The purchase form, for a new sale and for a correction: what it shows besides the form itself. */
@Component
@RequiredArgsConstructor
class PurchaseScreen {

    private final PurchaseChecks checks;
    private final CustomerRegistry customers;
    private final CatalogQueries catalog;

    /** A new sale: now, at the first open store, for the customer named (one of this shop's) or a walk-in. */
    PurchaseForm blank(Long customerId) {
        PurchaseForm form = new PurchaseForm();
        form.setCustomerId(customerId == null ? null : customers.find(customerId).getId());
        List<Store> stores = checks.openStores();
        form.setStoreId(stores.isEmpty() ? null : stores.get(0).getId());
        form.setPurchasedAt(checks.now());
        return form;
    }

    /** The form's page; {@code purchaseId} the sale being corrected, or null for a new one. */
    String show(Model model, PurchaseForm form, BindingResult result, Long purchaseId) {
        form.padLines(line -> result != null && result.hasFieldErrors("lines[" + line + "]*"));
        model.addAttribute("purchaseForm", form);
        model.addAttribute("customer",
                form.getCustomerId() == null ? null : customers.lookUp(form.getCustomerId()).orElse(null));
        model.addAttribute("stores", checks.openStores());
        model.addAttribute("channels", PurchaseChannel.values());
        model.addAttribute("departments", catalog.departments());
        model.addAttribute("purchaseId", purchaseId);
        model.addAttribute("products", productsOf(form));
        return "purchases/form";
    }

    /** The catalog's product of each code typed, keyed by the code as typed (the lines show their names). */
    private Map<String, ProductChoice> productsOf(PurchaseForm form) {
        Map<String, ProductChoice> byLowerCode = catalog.byCodes(form.filledLines().stream().map(LineForm::getCode).toList());
        Map<String, ProductChoice> products = new HashMap<>();
        form.filledLines().forEach(line -> {
            ProductChoice product = byLowerCode.get(CatalogQueries.codeKey(line.getCode()));
            if (product != null) {
                products.put(line.getCode(), product);
            }
        });
        return products;
    }
}
