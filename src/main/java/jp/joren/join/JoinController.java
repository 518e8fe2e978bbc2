package jp.joren.join;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jp.joren.catalog.CatalogQueries;
import jp.joren.catalog.ProductChoice;
import jp.joren.customers.CustomerRules;
import jp.joren.line.LineLinkCodes;
import jp.joren.shared.NotFoundException;
import jp.joren.shared.PublicLinks;
import jp.joren.shops.Shop;
import jp.joren.shops.ShopSettings;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
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

/**
 * The shop's public sign-up page. The shop comes from the slug in the address, never from the visitor;
 * every database call below runs inside that shop's tenant context.
 */
@Controller
@RequestMapping("/join/{slug}")
@RequiredArgsConstructor
class JoinController {

    private final PublicSignup signup;
    private final EmailConfirmations confirmations;
    private final JoinMailer mailer;
    private final ShopSettings shops;
    private final CatalogQueries catalog;
    private final PublicLinks links;
    private final LineLinkCodes lineCodes;
    private final CustomerRules rules;

    @GetMapping
    String page(@PathVariable String slug, Model model) {
        long shop = shopId(slug);
        model.addAttribute("joinForm", new JoinForm());
        return CurrentTenant.callAs(shop, () -> form(model, slug));
    }

    @PostMapping
    String join(@PathVariable String slug, @Valid @ModelAttribute JoinForm joinForm, BindingResult result, Model model,
            HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
        long shop = shopId(slug);
        if (!joinForm.getWebsite().isBlank()) {
            return "redirect:/join/" + slug + "/thanks";
        }
        return CurrentTenant.callAs(shop, () -> {
            if (signup.tooManyAttempts(request.getRemoteAddr())) {
                result.reject("join.validation.tooMany");
                return form(model, slug);
            }
            Optional<ProductChoice> owned = check(joinForm, result);
            if (result.hasErrors()) {
                return form(model, slug);
            }
            PublicSignup.Outcome outcome = signup.signUp(joinForm, owned, request.getRemoteAddr());
            PublicSignup.ConfirmationLink confirmation = outcome.link();
            if (confirmation != null) {
                Shop current = shops.currentShop();
                // from the public address: the Host header is whatever the sender of this request chose
                String link = links.to("/join/{slug}/confirm")
                        .queryParam("token", confirmation.token()).buildAndExpand(slug).toUriString();
                mailer.sendConfirmation(confirmation.email(), link, current.getName(), current.getSenderEmail(), locale);
            }
            // a new customer may link LINE at once: the code is shown once, on the page after this one
            if (outcome.registered() != null) {
                lineCodes.issueIfConnected(outcome.registered())
                        .ifPresent(code -> redirect.addFlashAttribute("lineCode", code.code()));
            }
            return "redirect:/join/" + slug + "/thanks" + (confirmation != null ? "?email" : "");
        });
    }

    @GetMapping("/thanks")
    String thanks(@PathVariable String slug, @RequestParam(required = false) String email, Model model) {
        model.addAttribute("shopName", CurrentTenant.callAs(shopId(slug), () -> shops.currentShop().getName()));
        model.addAttribute("emailSent", email != null);
        return "join/thanks";
    }

    /** The link in the email opens this page; the button on it confirms (mail scanners only open links). */
    @GetMapping("/confirm")
    String confirmPage(@PathVariable String slug, @RequestParam(defaultValue = "") String token, Model model) {
        return CurrentTenant.callAs(shopId(slug), () -> {
            model.addAttribute("shopName", shops.currentShop().getName());
            model.addAttribute("slug", slug);
            model.addAttribute("token", token);
            model.addAttribute("state", confirmations.check(token));
            model.addAttribute("done", false);
            return "join/confirm";
        });
    }

    @PostMapping("/confirm")
    String confirm(@PathVariable String slug, @RequestParam(defaultValue = "") String token, Model model,
            HttpServletRequest request) {
        return CurrentTenant.callAs(shopId(slug), () -> {
            model.addAttribute("shopName", shops.currentShop().getName());
            model.addAttribute("slug", slug);
            model.addAttribute("state", confirmations.confirm(token, request.getRemoteAddr()));
            model.addAttribute("done", true);
            return "join/confirm";
        });
    }

    private Optional<ProductChoice> check(JoinForm form, BindingResult result) {
        rules.check(form.personalDetails(), result);
        if (form.isEmailConsent() && form.getEmail().isBlank()) {
            result.rejectValue("emailConsent", "join.validation.consentWithoutEmail");
        }
        if (form.getModelNumber().isBlank()) {
            return Optional.empty();
        }
        Optional<ProductChoice> model = catalog.modelByNumber(form.getModelNumber());
        if (model.isEmpty()) {
            result.rejectValue("modelNumber", "join.validation.unknownModel");
        }
        if (form.getPurchasedOn() == null && !result.hasFieldErrors("purchasedOn")) {
            result.rejectValue("purchasedOn", "join.validation.purchasedOnMissing");
        }
        return model;
    }

    private String form(Model model, String slug) {
        Shop shop = shops.currentShop();
        model.addAttribute("shopName", shop.getName());
        model.addAttribute("slug", slug);
        model.addAttribute("models", catalog.models().stream().filter(ProductChoice::active).toList());
        return "join/form";
    }

    private long shopId(String slug) {
        return signup.shopFor(slug).orElseThrow(() -> new NotFoundException("shop", -1));
    }
}
