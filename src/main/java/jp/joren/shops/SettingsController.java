package jp.joren.shops;

import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jp.joren.accounts.OwnerOnly;
import jp.joren.shared.EditConflict;
import lombok.RequiredArgsConstructor;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.LocaleContextResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@OwnerOnly
@Controller
@RequestMapping("/settings")
@RequiredArgsConstructor
class SettingsController {

    private final ShopSettings settings;
    private final LocaleContextResolver localeResolver;

    @ModelAttribute("timeZones")
    List<String> timeZones() {
        return TimeZones.CHOICES;
    }

    @GetMapping
    String show(Model model) {
        if (!model.containsAttribute("shopSettingsForm")) {
            model.addAttribute("shopSettingsForm", ShopSettingsForm.of(settings.currentShop()));
        }
        return page(model);
    }

    @PostMapping
    String update(@Valid @ModelAttribute ShopSettingsForm shopSettingsForm, BindingResult result, Model model,
            RedirectAttributes redirect, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        if (!result.hasFieldErrors("timeZone") && !TimeZones.isValid(shopSettingsForm.getTimeZone())) {
            result.rejectValue("timeZone", "validation.timeZone");
        }
        if (!result.hasFieldErrors("slug") && settings.slugTaken(shopSettingsForm.getSlug())) {
            result.rejectValue("slug", "validation.slugTaken");
        }
        if (result.hasErrors()) {
            return page(model);
        }
        try {
            settings.update(shopSettingsForm);
        } catch (DataIntegrityViolationException slugTakenAtTheSameMoment) {
            result.rejectValue("slug", "validation.slugTaken");
            return page(model);
        } catch (EditConflict | OptimisticLockingFailureException savedMeanwhile) {
            ShopSettingsForm saved = ShopSettingsForm.of(settings.currentShop());
            model.addAttribute("conflict", EditConflict.between(Shop.snapshot(saved), Shop.snapshot(shopSettingsForm)));
            shopSettingsForm.setVersion(saved.getVersion());
            return page(model);
        }
        // the owner reads dates in the new zone at once; others at their next login
        localeResolver.setLocaleContext(request, response, new SimpleTimeZoneAwareLocaleContext(locale,
                TimeZone.getTimeZone(shopSettingsForm.getTimeZone())));
        redirect.addFlashAttribute("notice", "settings.saved");
        return "redirect:/settings";
    }

    @PostMapping("/stores")
    String addStore(@Valid @ModelAttribute("newStore") StoreForm newStore, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            model.addAttribute("shopSettingsForm", ShopSettingsForm.of(settings.currentShop()));
            return page(model);
        }
        settings.addStore(newStore);
        redirect.addFlashAttribute("notice", "settings.storeAdded");
        return "redirect:/settings#stores";
    }

    @PostMapping("/stores/{id}")
    String updateStore(@PathVariable long id, @Valid @ModelAttribute StoreForm storeForm, BindingResult result,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            redirect.addFlashAttribute("notice", "settings.storeNameRequired");
            return "redirect:/settings#stores";
        }
        settings.updateStore(id, storeForm);
        redirect.addFlashAttribute("notice", "settings.storeSaved");
        return "redirect:/settings#stores";
    }

    private String page(Model model) {
        model.addAttribute("stores", settings.stores());
        if (!model.containsAttribute("newStore")) {
            model.addAttribute("newStore", new StoreForm());
        }
        return "shops/settings";
    }
}
