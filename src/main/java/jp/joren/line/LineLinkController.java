package jp.joren.line;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/** The clerk shows a customer the one-time code that links their LINE to their record. */
@Controller
@RequestMapping("/line/customers/{id}")
@RequiredArgsConstructor
class LineLinkController {

    private final LineLinkCodes codes;
    private final LineAccounts accounts;
    private final LineFriends friends;

    @GetMapping
    String page(@PathVariable long id, Model model) {
        requireCustomer(id);
        model.addAttribute("customerId", id);
        model.addAttribute("connected", accounts.view().isPresent());
        model.addAttribute("linked", friends.linkedCustomer(id));
        model.addAttribute("code", codes.current(id).orElse(null));
        return "line/link";
    }

    @PostMapping("/code")
    String newCode(@PathVariable long id) {
        requireCustomer(id);
        if (accounts.view().isPresent()) {
            codes.issue(id);
        }
        return "redirect:/line/customers/" + id;
    }

    private void requireCustomer(long id) {
        if (!friends.customerExists(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
