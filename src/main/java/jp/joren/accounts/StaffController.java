package jp.joren.accounts;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@OwnerOnly
@Controller
@RequestMapping("/staff")
class StaffController {

    private final StaffManagement staff;
    private final LoginHistory history;
    private final StaffInvites invites;
    private final AttemptBudget budget;
    private final int maxPerShop;
    private final Duration window;

    StaffController(StaffManagement staff, LoginHistory history, StaffInvites invites, AttemptBudget budget,
            StaffProperties limits) {
        this.staff = staff;
        this.history = history;
        this.invites = invites;
        this.budget = budget;
        this.maxPerShop = limits.maxNewPerShop();
        this.window = limits.window();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("accounts", staff.all());
        model.addAttribute("lastLogins", history.lastLoginByAccount());
        model.addAttribute("invitations", invites.pending());
        return "accounts/staff-list";
    }

    @GetMapping("/new")
    String newStaff(Model model) {
        model.addAttribute("staffForm", new StaffForm());
        return "accounts/staff-new";
    }

    /**
     * Invites the member of staff. The answer is the same whether or not their address has an account in
     * another shop; only this shop's own accounts are named, since the owner sees them anyway.
     */
    @PostMapping
    String create(@Valid @ModelAttribute StaffForm staffForm, BindingResult result, RedirectAttributes redirect,
            @AuthenticationPrincipal JorenUser owner, Locale locale) {
        if (!budget.spend("new-staff", Long.toString(owner.tenantId()), maxPerShop, window)) {
            result.reject("staff.tooMany");
            return "accounts/staff-new";
        }
        if (!result.hasFieldErrors("email") && invites.ownAccountUses(staffForm.getEmail())) {
            result.rejectValue("email", "staff.emailOfThisShop");
        }
        if (result.hasErrors()) {
            return "accounts/staff-new";
        }
        invites.invite(staffForm.toNewStaff(), owner.accountId(), locale);
        redirect.addFlashAttribute("notice", "staff.invited");
        return "redirect:/staff";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("account", staff.get(id));
        model.addAttribute("logins", history.recentLogins(id, 10));
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", new PasswordForm());
        }
        return "accounts/staff-show";
    }

    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable long id, @Valid @ModelAttribute PasswordForm passwordForm,
            BindingResult result, Model model, RedirectAttributes redirect, HttpSession session) {
        if (result.hasErrors()) {
            model.addAttribute("account", staff.get(id));
            model.addAttribute("logins", history.recentLogins(id, 10));
            return "accounts/staff-show";
        }
        staff.resetPassword(id, passwordForm.getPassword(), session.getId());
        redirect.addFlashAttribute("notice", "staff.passwordReset");
        return "redirect:/staff/" + id;
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", staff.disable(id) ? "staff.disabled" : "staff.ownerCannotBeDisabled");
        return "redirect:/staff/" + id;
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        staff.enable(id);
        redirect.addFlashAttribute("notice", "staff.enabled");
        return "redirect:/staff/" + id;
    }
}
