package jp.joren.shops;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jp.joren.accounts.AttemptBudget;
import jp.joren.accounts.SessionLogin;
import jp.joren.shared.SecretToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A visitor opens a shop: the form, then the link emailed to the owner's address opens it. */
@Controller
class SignupController {

    private final SignupConfirmation confirmation;
    private final SessionLogin sessionLogin;
    private final AttemptBudget budget;
    private final int maxPerAddress;
    private final Duration window;

    SignupController(SignupConfirmation confirmation, SessionLogin sessionLogin, AttemptBudget budget,
            SignupProperties limits) {
        this.confirmation = confirmation;
        this.sessionLogin = sessionLogin;
        this.budget = budget;
        this.maxPerAddress = limits.maxPerAddress();
        this.window = limits.window();
    }

    @ModelAttribute("timeZones")
    List<String> timeZones() {
        return TimeZones.CHOICES;
    }

    @GetMapping("/signup")
    String form(Model model) {
        model.addAttribute("signupForm", new SignupForm());
        return "shops/signup";
    }

    @PostMapping("/signup")
    String signUp(@Valid @ModelAttribute SignupForm signupForm, BindingResult result, Locale locale,
            HttpServletRequest request) {
        // every try counts: each one sends an email
        if (!budget.spend("signup", request.getRemoteAddr(), maxPerAddress, window)) {
            result.reject("signup.tooMany");
            return "shops/signup";
        }
        if (!result.hasFieldErrors("timeZone") && !TimeZones.isValid(signupForm.getTimeZone())) {
            result.rejectValue("timeZone", "validation.timeZone");
        }
        if (result.hasErrors()) {
            return "shops/signup";
        }
        confirmation.request(signupForm.toNewShop(locale));
        return "redirect:/signup/sent";
    }

    @GetMapping("/signup/sent")
    String sent() {
        return "shops/signup-sent";
    }

    /** The link in the email opens this page; its button opens the shop (mail scanners only open links). */
    @GetMapping("/signup/confirm")
    String confirmPage(@RequestParam(defaultValue = "") String token, Model model) {
        if (!confirmation.usable(new SecretToken(token))) {
            return "shops/signup-invalid";
        }
        model.addAttribute("token", token);
        return "shops/signup-confirm";
    }

    @PostMapping("/signup/confirm")
    String confirm(@RequestParam(defaultValue = "") String token, HttpServletRequest request,
            HttpServletResponse response) {
        return confirmation.confirm(new SecretToken(token)).map(owner -> {
            sessionLogin.logIn(owner, request, response);
            return "redirect:/home";
        }).orElse("shops/signup-invalid");
    }
}
