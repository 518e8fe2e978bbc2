package jp.joren.shops;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jp.joren.accounts.AccountDirectory;
import jp.joren.accounts.AttemptBudget;
import jp.joren.accounts.SessionLogin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class SignupController {

    private final ShopSignup signup;
    private final AccountDirectory accounts;
    private final SessionLogin sessionLogin;
    private final AttemptBudget budget;
    private final int maxPerAddress;
    private final Duration window;

    SignupController(ShopSignup signup, AccountDirectory accounts, SessionLogin sessionLogin, AttemptBudget budget,
            @Value("${joren.signup.max-per-address:10}") int maxPerAddress,
            @Value("${joren.signup.window:1h}") Duration window) {
        this.signup = signup;
        this.accounts = accounts;
        this.sessionLogin = sessionLogin;
        this.budget = budget;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
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
            HttpServletRequest request, HttpServletResponse response) {
        // every try counts: whether an email is taken must not be asked of this page a thousand times
        if (!budget.spend("signup", request.getRemoteAddr(), maxPerAddress, window)) {
            result.reject("signup.tooMany");
            return "shops/signup";
        }
        if (!result.hasFieldErrors("timeZone") && !TimeZones.isValid(signupForm.getTimeZone())) {
            result.rejectValue("timeZone", "validation.timeZone");
        }
        if (!result.hasFieldErrors("email") && accounts.emailTaken(signupForm.getEmail())) {
            result.rejectValue("email", "validation.emailTaken");
        }
        if (result.hasErrors()) {
            return "shops/signup";
        }
        try {
            sessionLogin.logIn(signup.signUp(signupForm.toNewShop(locale)), request, response);
        } catch (DataIntegrityViolationException sameEmailAtTheSameMoment) {
            result.rejectValue("email", "validation.emailTaken");
            return "shops/signup";
        }
        return "redirect:/home";
    }
}
