package jp.joren.customers.registration;

import jp.joren.customers.CustomerSearch;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The counter's search for a customer by phone digits, kana, name or member code. */
@Controller
@RequiredArgsConstructor
class CustomerSearchController {

    private static final int SEARCH_RESULTS = 10;

    private final CustomerSearch search;

    /** The counter's search box; as an htmx request it answers with the result rows only. */
    @GetMapping("/customers/search")
    String search(@RequestParam(defaultValue = "") String q,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("hits", search.search(q, SEARCH_RESULTS));
        return htmx != null ? "customers/search :: results" : "customers/search";
    }
}
