package jp.joren.customers.page;

import java.time.LocalDate;
import java.util.List;

import jp.joren.accounts.JorenUser;
import jp.joren.customers.ConsentChannel;
import jp.joren.customers.ConsentLedger;
import jp.joren.customers.Customer;
import jp.joren.customers.CustomerRegistry;
import jp.joren.customers.OwnedProducts;
import jp.joren.forecast.CustomerForecasts;
import jp.joren.segments.CustomerStandings;
import jp.joren.shops.ShopSettings;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A customer's page: details, consents, the models they own, visits, portfolio cell and forecast; and the two
 * things the counter records on it, a change of consent and a model bought elsewhere.
 */
@Controller
@RequestMapping("/customers")
@RequiredArgsConstructor
class CustomerPageController {

    private final CustomerRegistry registry;
    private final ConsentLedger consents;
    private final OwnedProducts ownedProducts;
    private final CustomerHistory history;
    private final CustomerStandings standings;
    private final CustomerForecasts forecasts;
    private final ShopSettings shop;

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        Customer customer = registry.find(id);
        model.addAttribute("customer", customer);
        model.addAttribute("store", customer.getStoreId() == null ? null
                : shop.stores().stream().filter(s -> s.getId().equals(customer.getStoreId())).findFirst().orElse(null));
        model.addAttribute("consents", consents.current(id));
        model.addAttribute("consentHistory", consents.history(id));
        model.addAttribute("owned", ownedProducts.of(id));
        model.addAttribute("facts", history.facts(id));
        model.addAttribute("standing", standings.of(id).orElse(null));
        model.addAttribute("cellHistory", standings.history(id));
        model.addAttribute("forecast", forecasts.of(id).orElse(null));
        model.addAttribute("purchases", history.purchases(id, 100));
        LocalDate today = shop.today();
        model.addAttribute("today", today);
        model.addAttribute("nextVisit", forecasts.nextVisit(id, today).orElse(null));
        model.addAttribute("consentChannels", List.of(ConsentChannel.EMAIL, ConsentChannel.POSTAL));
        return "customers/show";
    }

    @PostMapping("/{id}/consents")
    String changeConsent(@PathVariable long id, @RequestParam ConsentChannel channel, @RequestParam boolean granted,
            @AuthenticationPrincipal JorenUser clerk, RedirectAttributes redirect) {
        registry.changeConsent(id, channel, granted, clerk.accountId());
        redirect.addFlashAttribute("notice", "customer.consentRecorded");
        return "redirect:/customers/" + id;
    }
}
