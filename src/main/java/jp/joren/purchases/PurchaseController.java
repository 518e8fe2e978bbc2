package jp.joren.purchases;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jp.joren.accounts.JorenUser;
import jp.joren.audit.AuditTrail;
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

/** The counter's sale: rung up, its receipt, and the day's receipts. */
@Controller
@RequestMapping("/purchases")
@RequiredArgsConstructor
class PurchaseController {

    private final PurchaseChecks checks;
    private final PurchaseBook book;
    private final PurchaseQueries queries;
    private final PurchaseScreen screen;
    private final AuditTrail auditTrail;

    @GetMapping("/new")
    String newPurchase(@RequestParam(name = "customer", required = false) Long customerId, Model model) {
        return screen.show(model, screen.blank(customerId), null, null);
    }

    @PostMapping
    String register(@Valid @ModelAttribute PurchaseForm purchaseForm, BindingResult result,
            @AuthenticationPrincipal JorenUser clerk, Model model) {
        PurchaseDraft draft = purchaseForm.toDraft();
        if (result.hasErrors()) {
            PurchaseProblem.show(checks.check(draft).problems(), result);
            return screen.show(model, purchaseForm, result, null);
        }
        PurchaseBook.Registration registered = book.checkAndRegister(draft, clerk.accountId());
        if (registered.purchaseId() == null) {
            PurchaseProblem.show(registered.problems(), result);
            return screen.show(model, purchaseForm, result, null);
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
}
