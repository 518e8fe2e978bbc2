package jp.joren.accounts;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    @GetMapping("/login")
    String login(Authentication authentication, HttpSession session, Model model) {
        if (authentication != null && authentication.isAuthenticated()) {
            return "redirect:/home";
        }
        Object lastEmail = session.getAttribute(LoginFailureHandler.LAST_EMAIL);
        model.addAttribute("email", lastEmail == null ? "" : lastEmail);
        return "accounts/login";
    }
}
