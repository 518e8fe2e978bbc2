package jp.joren.customers.registration;

import java.time.LocalDate;
import java.util.List;

import jp.joren.accounts.JorenUser;
import jp.joren.customers.AcquisitionChannel;
import jp.joren.customers.Customer;
import jp.joren.customers.CustomerRegistry;
import jp.joren.customers.CustomerRules;
import jp.joren.shared.EditConflict;
import jp.joren.shops.ShopSettings;
import jp.joren.shops.Store;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
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

/** The counter registers a customer, or corrects one, on the customer form. */
@Controller
@RequestMapping("/customers")
@RequiredArgsConstructor
class CustomerController {

    private final CustomerRegistry registry;
    private final CustomerRules rules;
    private final DuplicateFinder duplicates;
    private final ShopSettings shop;

    @ModelAttribute("channels")
    AcquisitionChannel[] channels() {
        return AcquisitionChannel.values();
    }

    @GetMapping("/new")
    String newCustomer(@RequestParam(required = false) @Nullable String then, Model model) {
        model.addAttribute("customerForm", new CustomerForm());
        model.addAttribute("then", then);
        return form(model, null);
    }

    @PostMapping
    String register(@ModelAttribute CustomerForm customerForm, BindingResult result,
            @RequestParam(required = false) @Nullable String then, @AuthenticationPrincipal JorenUser clerk, Model model) {
        check(customerForm, result, null);
        List<LikelyDuplicate> likely = result.hasErrors() ? List.of() : duplicatesOf(customerForm, null);
        if (!likely.isEmpty() && !customerForm.isNotADuplicate()) {
            result.reject("customer.validation.likelyDuplicate");
        }
        if (result.hasErrors()) {
            model.addAttribute("then", then);
            model.addAttribute("duplicates", likely);
            return form(model, null);
        }
        // both were asked (checked above)
        long id = registry.register(customerForm.details(), Boolean.TRUE.equals(customerForm.getEmailConsent()),
                Boolean.TRUE.equals(customerForm.getPostalConsent()), clerk.accountId());
        return "purchase".equals(then) ? "redirect:/purchases/new?customer=" + id : "redirect:/customers/" + id;
    }

    /** Likely duplicates while the clerk types (htmx). */
    @GetMapping("/duplicates")
    String duplicates(@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String nameKana,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthday,
            @RequestParam(required = false) Long except, @RequestParam(required = false) String then, Model model) {
        model.addAttribute("duplicates", duplicates.find(phone, email, nameKana, birthday, except));
        model.addAttribute("then", then);
        return "customers/form :: duplicates";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute("customerForm", CustomerForm.of(registry.find(id)));
        return form(model, id);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute CustomerForm customerForm, BindingResult result,
            @AuthenticationPrincipal JorenUser clerk, Model model, RedirectAttributes redirect) {
        registry.find(id);
        check(customerForm, result, id);
        if (result.hasErrors()) {
            return form(model, id);
        }
        try {
            registry.update(id, customerForm.details(), customerForm.getVersion(), clerk.accountId());
        } catch (EditConflict | OptimisticLockingFailureException savedMeanwhile) {
            // the clerk's input stays; what is saved now is shown beside it, and saving again keeps theirs
            Customer current = registry.find(id);
            model.addAttribute("conflict", current.differencesFrom(customerForm.details()));
            customerForm.setVersion(current.getVersion());
            return form(model, id);
        }
        redirect.addFlashAttribute("notice", "customer.saved");
        return "redirect:/customers/" + id;
    }

    /**
     * The customer's rules, then what only the shop knows: a member code no one else has, a store of this shop,
     * and on registration the two consent questions asked.
     * @param id the customer being corrected; null when registering
     */
    private void check(CustomerForm form, BindingResult result, @Nullable Long id) {
        rules.check(form.details(), result);
        if (!result.hasFieldErrors("code") && registry.codeTaken(form.getCode(), id)) {
            result.rejectValue("code", "customer.validation.codeTaken");
        }
        if (form.getStoreId() != null && shop.stores().stream().noneMatch(s -> s.getId().equals(form.getStoreId()))) {
            result.rejectValue("storeId", "customer.validation.store");
        }
        if (id == null) {
            if (form.getEmailConsent() == null) {
                result.rejectValue("emailConsent", "customer.validation.askConsent");
            } else if (form.getEmailConsent() && form.getEmail().isBlank()) {
                result.rejectValue("emailConsent", "customer.validation.consentWithoutEmail");
            }
            if (form.getPostalConsent() == null) {
                result.rejectValue("postalConsent", "customer.validation.askConsent");
            }
        }
    }

    private List<LikelyDuplicate> duplicatesOf(CustomerForm form, @Nullable Long except) {
        return duplicates.find(form.getPhone(), form.getEmail(), form.getNameKana(), form.getBirthday(), except);
    }

    private String form(Model model, @Nullable Long id) {
        List<Store> stores = shop.stores().stream().filter(Store::isActive).toList();
        model.addAttribute("stores", stores);
        model.addAttribute("customerId", id);
        return "customers/form";
    }
}
