package jp.joren.purchases;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jp.joren.accounts.JorenUser;
import jp.joren.audit.AuditTrail;
import jp.joren.catalog.CatalogQueries;
import jp.joren.catalog.ProductChoice;
import jp.joren.customers.CustomerRegistry;
import jp.joren.customers.CustomerSearch;
import jp.joren.shops.Store;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/purchases")
@RequiredArgsConstructor
class PurchaseController {

    private static final int PICKER_RESULTS = 8;

    private final PurchaseChecks checks;
    private final PurchaseBook book;
    private final PurchaseQueries queries;
    private final CustomerRegistry customers;
    private final CustomerSearch customerSearch;
    private final CatalogQueries catalog;
    private final AuditTrail auditTrail;

    @GetMapping("/new")
    String newPurchase(@RequestParam(name = "customer", required = false) Long customerId, Model model) {
        PurchaseForm form = new PurchaseForm();
        form.setCustomerId(customerId == null ? null : customers.find(customerId).getId());
        List<Store> stores = checks.openStores();
        form.setStoreId(stores.isEmpty() ? null : stores.get(0).getId());
        form.setPurchasedAt(checks.now());
        model.addAttribute("purchaseForm", form);
        return form(model, form, null, null);
    }

    @PostMapping
    String register(@Valid @ModelAttribute PurchaseForm purchaseForm, BindingResult result,
            @AuthenticationPrincipal JorenUser clerk, Model model) {
        PurchaseDraft draft = purchaseForm.toDraft();
        if (result.hasErrors()) {
            PurchaseProblem.show(checks.check(draft).problems(), result);
            return form(model, purchaseForm, result, null);
        }
        PurchaseBook.Registration registered = book.checkAndRegister(draft, clerk.accountId());
        if (registered.purchaseId() == null) {
            PurchaseProblem.show(registered.problems(), result);
            return form(model, purchaseForm, result, null);
        }
        long id = registered.purchaseId();
        // a query parameter rather than a flash attribute: the busiest request of the counter writes no session
        return "redirect:/purchases/" + id + "?registered";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String registered, Model model) {
        if (registered != null) {
            model.addAttribute("notice", "purchase.registered");
        }
        PurchaseView purchase = queries.find(id);
        model.addAttribute("purchase", purchase);
        model.addAttribute("corrections", auditTrail.of("purchase", id));
        return "purchases/show";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        PurchaseView purchase = queries.find(id);
        if (!purchase.isCompleted()) {
            return "redirect:/purchases/" + id;
        }
        PurchaseForm form = purchase.toForm(checks.zone());
        model.addAttribute("purchaseForm", form);
        return form(model, form, null, id);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute PurchaseForm purchaseForm, BindingResult result,
            @AuthenticationPrincipal JorenUser clerk, Model model, RedirectAttributes redirect) {
        if (!queries.find(id).isCompleted()) {
            return "redirect:/purchases/" + id;
        }
        PurchaseChecks.Outcome checked = checks.check(purchaseForm.toDraft());
        PurchaseProblem.show(checked.problems(), result);
        if (result.hasErrors()) {
            return form(model, purchaseForm, result, id);
        }
        book.edit(id, checked.purchase(), clerk.accountId());
        redirect.addFlashAttribute("notice", "purchase.corrected");
        return "redirect:/purchases/" + id;
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal JorenUser clerk, RedirectAttributes redirect) {
        return changeStatus(id, PurchaseStatus.CANCELLED, reason, clerk, redirect);
    }

    @PostMapping("/{id}/return")
    String markReturned(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal JorenUser clerk, RedirectAttributes redirect) {
        return changeStatus(id, PurchaseStatus.RETURNED, reason, clerk, redirect);
    }

    private String changeStatus(long id, PurchaseStatus status, String reason, JorenUser clerk,
            RedirectAttributes redirect) {
        if (reason.isBlank() || reason.length() > 200) {
            redirect.addFlashAttribute("statusError", "purchase.validation.reason");
            return "redirect:/purchases/" + id + "#corrections";
        }
        book.cancelOrReturn(id, status, reason.strip(), clerk.accountId());
        redirect.addFlashAttribute("notice", status == PurchaseStatus.CANCELLED ? "purchase.cancelled" : "purchase.returned");
        return "redirect:/purchases/" + id;
    }

    /** The day's receipts (today in the shop's time zone unless a day is chosen). */
    @GetMapping
    String day(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Model model) {
        LocalDate shown = day != null ? day : checks.today();
        List<PurchaseQueries.DaySale> sales = queries.ofDay(shown);
        model.addAttribute("day", shown);
        model.addAttribute("sales", sales);
        model.addAttribute("dayTotal", sales.stream().filter(sale -> sale.status() == PurchaseStatus.COMPLETED)
                .mapToLong(PurchaseQueries.DaySale::total).sum());
        return "purchases/day";
    }

    /** The customer picker's results (htmx). */
    @GetMapping("/customers")
    String pickCustomer(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("hits", customerSearch.search(q, PICKER_RESULTS));
        return "purchases/form :: picker-results";
    }

    /** The chosen customer, shown in the form with the id the form submits (htmx). */
    @GetMapping("/customer")
    String chosenCustomer(@RequestParam(required = false) Long id, Model model) {
        model.addAttribute("customer", id == null ? null : customers.find(id));
        return "purchases/form :: customer-slot";
    }

    private String form(Model model, PurchaseForm form, BindingResult result, Long purchaseId) {
        form.padLines(line -> result != null && result.hasFieldErrors("lines[" + line + "]*"));
        model.addAttribute("customer",
                form.getCustomerId() == null ? null : customers.lookUp(form.getCustomerId()).orElse(null));
        model.addAttribute("stores", checks.openStores());
        model.addAttribute("channels", PurchaseChannel.values());
        model.addAttribute("departments", catalog.departments());
        model.addAttribute("purchaseId", purchaseId);
        Map<String, ProductChoice> byLowerCode = catalog.byCodes(form.filledLines().stream().map(LineForm::getCode).toList());
        Map<String, ProductChoice> products = new HashMap<>();
        form.filledLines().forEach(line -> {
            ProductChoice product = byLowerCode.get(CatalogQueries.codeKey(line.getCode()));
            if (product != null) {
                products.put(line.getCode(), product);
            }
        });
        model.addAttribute("products", products);
        return "purchases/form";
    }
}
