package jp.joren.purchases;

import jakarta.validation.Valid;
import jp.joren.accounts.JorenUser;
import lombok.RequiredArgsConstructor;
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

/** A saved sale corrected at the counter: its details, a cancel or a return, each with its reason kept. */
@Controller
@RequestMapping("/purchases/{id}")
@RequiredArgsConstructor
class PurchaseCorrectionController {

    /** What purchase.status_reason holds. */
    private static final int REASON_LENGTH = 200;

    private final PurchaseQueries queries;
    private final PurchaseChecks checks;
    private final PurchaseCorrections corrections;
    private final PurchaseScreen screen;

    @GetMapping("/edit")
    String edit(@PathVariable long id, Model model) {
        PurchaseView purchase = queries.find(id);
        if (!purchase.isCompleted()) {
            return "redirect:/purchases/" + id;
        }
        return screen.show(model, purchase.toForm(checks.zone()), null, id);
    }

    @PostMapping
    String update(@PathVariable long id, @Valid @ModelAttribute PurchaseForm purchaseForm, BindingResult result,
            @AuthenticationPrincipal JorenUser clerk, Model model, RedirectAttributes redirect) {
        if (!queries.find(id).isCompleted()) {
            return "redirect:/purchases/" + id;
        }
        PurchaseChecks.Outcome checked = checks.check(purchaseForm.toDraft());
        PurchaseProblem.show(checked.problems(), result);
        if (result.hasErrors()) {
            return screen.show(model, purchaseForm, result, id);
        }
        corrections.edit(id, checked.purchase(), clerk.accountId());
        redirect.addFlashAttribute("notice", "purchase.corrected");
        return "redirect:/purchases/" + id;
    }

    @PostMapping("/cancel")
    String cancel(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal JorenUser clerk, RedirectAttributes redirect) {
        return changeStatus(id, PurchaseStatus.CANCELLED, reason, clerk, redirect);
    }

    @PostMapping("/return")
    String markReturned(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal JorenUser clerk, RedirectAttributes redirect) {
        return changeStatus(id, PurchaseStatus.RETURNED, reason, clerk, redirect);
    }

    private String changeStatus(long id, PurchaseStatus status, String reason, JorenUser clerk,
            RedirectAttributes redirect) {
        if (reason.isBlank() || reason.length() > REASON_LENGTH) {
            redirect.addFlashAttribute("statusError", "purchase.validation.reason");
            return "redirect:/purchases/" + id + "#corrections";
        }
        corrections.cancelOrReturn(id, status, reason.strip(), clerk.accountId());
        redirect.addFlashAttribute("notice", status == PurchaseStatus.CANCELLED ? "purchase.cancelled" : "purchase.returned");
        return "redirect:/purchases/" + id;
    }
}
