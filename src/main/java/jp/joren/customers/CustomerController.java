package jp.joren.customers;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jp.joren.accounts.JorenUser;
import jp.joren.catalog.CatalogQueries;
import jp.joren.catalog.ProductChoice;
import jp.joren.forecast.CustomerForecasts;
import jp.joren.shared.Kana;
import jp.joren.segments.CustomerStandings;
import jp.joren.shared.EditConflict;
import jp.joren.shops.ShopSettings;
import jp.joren.shops.Store;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/customers")
class CustomerController {

    private static final int SEARCH_RESULTS = 10;

    private final CustomerRegistry registry;
    private final CustomerSearch search;
    private final DuplicateFinder duplicates;
    private final ConsentLedger consents;
    private final OwnedProducts ownedProducts;
    private final CustomerHistory history;
    private final ShopSettings shop;
    private final CatalogQueries catalog;

    private final CustomerStandings standings;
    private final CustomerForecasts forecasts;

    CustomerController(CustomerRegistry registry, CustomerSearch search, DuplicateFinder duplicates,
            ConsentLedger consents, OwnedProducts ownedProducts, CustomerHistory history, ShopSettings shop,
            CatalogQueries catalog, CustomerStandings standings, CustomerForecasts forecasts) {
        this.registry = registry;
        this.standings = standings;
        this.forecasts = forecasts;
        this.search = search;
        this.duplicates = duplicates;
        this.consents = consents;
        this.ownedProducts = ownedProducts;
        this.history = history;
        this.shop = shop;
        this.catalog = catalog;
    }

    @ModelAttribute("channels")
    AcquisitionChannel[] channels() {
        return AcquisitionChannel.values();
    }

    /** The counter's search box; as an htmx request it answers with the result rows only. */
    @GetMapping("/search")
    String search(@RequestParam(defaultValue = "") String q,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("hits", search.search(q, SEARCH_RESULTS));
        return htmx != null ? "customers/search :: results" : "customers/search";
    }

    @GetMapping("/new")
    String newCustomer(@RequestParam(required = false) String then, Model model) {
        model.addAttribute("customerForm", new CustomerForm());
        model.addAttribute("then", then);
        return form(model, null);
    }

    @PostMapping
    String register(@Valid @ModelAttribute CustomerForm customerForm, BindingResult result,
            @RequestParam(required = false) String then, @AuthenticationPrincipal JorenUser clerk, Model model) {
        checkBeyondAnnotations(customerForm, result, null);
        List<LikelyDuplicate> likely = result.hasErrors() ? List.of() : duplicatesOf(customerForm, null);
        if (!likely.isEmpty() && !customerForm.isNotADuplicate()) {
            result.reject("customer.validation.likelyDuplicate");
        }
        if (result.hasErrors()) {
            model.addAttribute("then", then);
            model.addAttribute("duplicates", likely);
            return form(model, null);
        }
        long id = registry.register(customerForm, clerk.accountId());
        return "purchase".equals(then) ? "redirect:/purchases/new?customer=" + id : "redirect:/customers/" + id;
    }

    /** Likely duplicates while the clerk types (htmx). */
    @GetMapping("/duplicates")
    String duplicates(@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String nameKana,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthday,
            @RequestParam(required = false) Long except, @RequestParam(required = false) String then, Model model) {
        model.addAttribute("duplicates", duplicates.find(phone, email, nameKana, birthday, except));
        model.addAttribute("then", then);
        return "customers/form :: duplicates";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        Customer customer = registry.find(id);
        model.addAttribute("customer", customer);
        model.addAttribute("store", customer.getStoreId() == null ? null
                : shop.stores().stream().filter(s -> s.getId().equals(customer.getStoreId())).findFirst().orElse(null));
        model.addAttribute("consents", consents.current(id));
        model.addAttribute("consentHistory", consents.history(id));
        model.addAttribute("owned", ownedProducts.of(id));
        model.addAttribute("facts", history.facts(id));
        model.addAttribute("standing", standings.of(id).orElse(null));
        model.addAttribute("cellHistory", standings.history(id));
        model.addAttribute("forecast", forecasts.of(id).orElse(null));
        model.addAttribute("purchases", history.purchases(id, 100));
        LocalDate today = shop.today();
        model.addAttribute("today", today);
        model.addAttribute("nextVisit", forecasts.nextVisit(id, today).orElse(null));
        model.addAttribute("consentChannels", List.of(ConsentChannel.EMAIL, ConsentChannel.POSTAL));
        return "customers/show";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute("customerForm", CustomerForm.of(registry.find(id)));
        return form(model, id);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute CustomerForm customerForm, BindingResult result,
            @AuthenticationPrincipal JorenUser clerk, Model model, RedirectAttributes redirect) {
        registry.find(id);
        checkBeyondAnnotations(customerForm, result, id);
        if (result.hasErrors()) {
            return form(model, id);
        }
        try {
            registry.update(id, customerForm, clerk.accountId());
        } catch (EditConflict | OptimisticLockingFailureException savedMeanwhile) {
            // the clerk's input stays; what is saved now is shown beside it, and saving again keeps theirs
            Customer current = registry.find(id);
            model.addAttribute("conflict", current.differencesFrom(customerForm));
            customerForm.setVersion(current.getVersion());
            return form(model, id);
        }
        redirect.addFlashAttribute("notice", "customer.saved");
        return "redirect:/customers/" + id;
    }

    @PostMapping("/{id}/consents")
    String changeConsent(@PathVariable long id, @RequestParam ConsentChannel channel, @RequestParam boolean granted,
            @AuthenticationPrincipal JorenUser clerk, RedirectAttributes redirect) {
        registry.changeConsent(id, channel, granted, clerk.accountId());
        redirect.addFlashAttribute("notice", "customer.consentRecorded");
        return "redirect:/customers/" + id;
    }

    /** A model bought elsewhere or earlier, so its parts' reminders can reach the customer. */
    @PostMapping("/{id}/owned-products")
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

    /** @param id the customer being corrected; null when registering */
    private void checkBeyondAnnotations(CustomerForm form, BindingResult result, Long id) {
        boolean registering = id == null;
        if (!result.hasFieldErrors("code") && registry.codeTaken(form.getCode(), id)) {
            result.rejectValue("code", "customer.validation.codeTaken");
        }
        if (form.getPhone().isBlank() && form.getEmail().isBlank()) {
            result.rejectValue("phone", "customer.validation.phoneOrEmail");
        }
        if (!form.phoneLooksValid()) {
            result.rejectValue("phone", "validation.phone");
        }
        if (!form.getNameKana().isBlank() && !Kana.looksLikeKana(form.getNameKana())) {
            result.rejectValue("nameKana", "customer.validation.kana");
        }
        if (form.getStoreId() != null && shop.stores().stream().noneMatch(s -> s.getId().equals(form.getStoreId()))) {
            result.rejectValue("storeId", "customer.validation.store");
        }
        if (registering) {
            if (form.getEmailConsent() == null) {
                result.rejectValue("emailConsent", "customer.validation.askConsent");
            } else if (form.getEmailConsent() && form.getEmail().isBlank()) {
                result.rejectValue("emailConsent", "customer.validation.consentWithoutEmail");
            }
            if (form.getPostalConsent() == null) {
                result.rejectValue("postalConsent", "customer.validation.askConsent");
            }
        }
    }

    private List<LikelyDuplicate> duplicatesOf(CustomerForm form, Long except) {
        return duplicates.find(form.getPhone(), form.getEmail(), form.getNameKana(), form.getBirthday(), except);
    }

    private String form(Model model, Long id) {
        List<Store> stores = shop.stores().stream().filter(Store::isActive).toList();
        model.addAttribute("stores", stores);
        model.addAttribute("customerId", id);
        return "customers/form";
    }
}
