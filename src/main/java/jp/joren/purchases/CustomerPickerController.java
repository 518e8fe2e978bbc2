package jp.joren.purchases;

import jp.joren.customers.CustomerRegistry;
import jp.joren.customers.CustomerSearch;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The purchase form's customer box (htmx): who matches what the clerk types, and the one chosen. */
@Controller
@RequestMapping("/purchases")
@RequiredArgsConstructor
class CustomerPickerController {

    private static final int PICKER_RESULTS = 8;

    private final CustomerSearch customerSearch;
    private final CustomerRegistry customers;

    @GetMapping("/customers")
    String pickCustomer(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("hits", customerSearch.search(q, PICKER_RESULTS));
        return "purchases/form :: picker-results";
    }

    /** The chosen customer, shown in the form with the id the form submits. */
    @GetMapping("/customer")
    String chosenCustomer(@RequestParam(required = false) Long id, Model model) {
        model.addAttribute("customer", id == null ? null : customers.find(id));
        return "purchases/form :: customer-slot";
    }
}
