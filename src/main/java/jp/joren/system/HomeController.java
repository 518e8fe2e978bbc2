package jp.joren.system;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final HomeFigures figures;

    HomeController(HomeFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/")
    String welcome(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated() ? "redirect:/home" : "system/welcome";
    }

    @GetMapping("/home")
    String home(Model model) {
        model.addAttribute("figures", figures.current());
        return "system/home";
    }
}
