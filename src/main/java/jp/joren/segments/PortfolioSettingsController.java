package jp.joren.segments;

import jakarta.validation.Valid;
import jp.joren.accounts.JorenUser;
import jp.joren.accounts.OwnerOnly;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's thresholds of the portfolio and the neighbourhood towns. */
@OwnerOnly
@Controller
@RequestMapping("/settings/portfolio")
@RequiredArgsConstructor
class PortfolioSettingsController {

    private final PortfolioSettings settings;

    @GetMapping
    String show(Model model) {
        if (!model.containsAttribute("portfolioForm")) {
            model.addAttribute("portfolioForm", PortfolioForm.of(settings.policy()));
        }
        return page(model);
    }

    @PostMapping
    String update(@Valid @ModelAttribute PortfolioForm portfolioForm, BindingResult result,
            @AuthenticationPrincipal JorenUser owner, Model model, RedirectAttributes redirect) {
        if (!result.hasFieldErrors("firstTenureDays") && !result.hasFieldErrors("secondTenureDays")
                && portfolioForm.getSecondTenureDays() <= portfolioForm.getFirstTenureDays()) {
            result.rejectValue("secondTenureDays", "portfolio.validation.order");
        }
        if (result.hasErrors()) {
            return page(model);
        }
        settings.update(portfolioForm.toPolicy(), owner.accountId());
        redirect.addFlashAttribute("notice", "portfolio.saved");
        return "redirect:/settings/portfolio";
    }

    private String page(Model model) {
        model.addAttribute("presets", Preset.values());
        model.addAttribute("basis", settings.latestBasis().orElse(null));
        return "segments/settings";
    }
}
