package jp.joren.customers.records;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import jp.joren.accounts.JorenUser;
import jp.joren.accounts.OwnerOnly;
import jp.joren.customers.Customer;
import jp.joren.customers.CustomerRegistry;
import jp.joren.customers.CustomerSearch;
import jp.joren.customers.page.CustomerHistory;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The owner's care of the customer records: merging duplicates (and undoing a merge), archiving,
 * retirement on the customer's request, and the export of one customer's data.
 */
@OwnerOnly
@Controller
@RequestMapping("/customers")
@RequiredArgsConstructor
class CustomerRecordsController {

    private static final int MERGES_SHOWN = 100;

    private final CustomerRegistry registry;
    private final CustomerSearch search;
    private final CustomerHistory history;
    private final CustomerMerges merges;
    private final MergeUndo mergeUndo;
    private final CustomerRetirement retirement;
    private final CustomerDataExport dataExport;
    private final Clock clock;

    /** Choose the duplicate to merge into {@code survivor}, then see both side by side before confirming. */
    @GetMapping("/merges/new")
    String newMerge(@RequestParam long survivor, @RequestParam(required = false) Long merged,
            @RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("survivor", registry.find(survivor));
        model.addAttribute("survivorFacts", history.facts(survivor));
        model.addAttribute("q", q);
        model.addAttribute("hits", search.search(q, 10).stream().filter(hit -> hit.id() != survivor).toList());
        if (merged != null && merged != survivor) {
            model.addAttribute("merged", registry.find(merged));
            model.addAttribute("mergedFacts", history.facts(merged));
        }
        return "customers/merge";
    }

    @PostMapping("/merges")
    String merge(@RequestParam long survivor, @RequestParam long merged, @AuthenticationPrincipal JorenUser owner,
            RedirectAttributes redirect) {
        try {
            merges.merge(survivor, merged, owner.accountId());
            redirect.addFlashAttribute("notice", "customer.merge.done");
        } catch (CustomerMerges.MergeRefusedException refused) {
            redirect.addFlashAttribute("notice", "customer.merge.refused");
        }
        return "redirect:/customers/" + survivor;
    }

    @GetMapping("/merges")
    String merges(Model model) {
        model.addAttribute("merges", merges.recent(MERGES_SHOWN));
        model.addAttribute("now", clock.instant());
        return "customers/merges";
    }

    @PostMapping("/merges/{id}/undo")
    String undo(@PathVariable long id, @AuthenticationPrincipal JorenUser owner, RedirectAttributes redirect) {
        try {
            List<String> kept = mergeUndo.undo(id, owner.accountId());
            redirect.addFlashAttribute("notice", kept.isEmpty() ? "customer.merge.undone" : "customer.merge.undoneKeepingEdits");
        } catch (CustomerMerges.MergeRefusedException tooLate) {
            redirect.addFlashAttribute("notice", "customer.merge.undoRefused");
        }
        return "redirect:/customers/merges";
    }

    @PostMapping("/{id}/archive")
    String archive(@PathVariable long id, @AuthenticationPrincipal JorenUser owner, RedirectAttributes redirect) {
        registry.find(id);
        retirement.archive(id, true, owner.accountId());
        redirect.addFlashAttribute("notice", "customer.archived");
        return "redirect:/customers/" + id;
    }

    @PostMapping("/{id}/unarchive")
    String unarchive(@PathVariable long id, @AuthenticationPrincipal JorenUser owner, RedirectAttributes redirect) {
        registry.find(id);
        retirement.archive(id, false, owner.accountId());
        redirect.addFlashAttribute("notice", "customer.unarchived");
        return "redirect:/customers/" + id;
    }

    @GetMapping("/{id}/retire")
    String confirmRetirement(@PathVariable long id, Model model) {
        model.addAttribute("customer", registry.find(id));
        return "customers/retire";
    }

    @PostMapping("/{id}/retire")
    String retire(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "false") boolean confirmed, @AuthenticationPrincipal JorenUser owner,
            Model model, RedirectAttributes redirect) {
        Customer customer = registry.find(id);
        if (!confirmed || reason.isBlank() || reason.length() > 200) {
            model.addAttribute("customer", customer);
            model.addAttribute("reason", reason);
            model.addAttribute("retireError", !confirmed ? "customer.retire.confirmNeeded" : "customer.retire.reasonNeeded");
            return "customers/retire";
        }
        retirement.retire(id, reason.strip(), owner.accountId());
        redirect.addFlashAttribute("notice", "customer.retired");
        return "redirect:/customers/" + id;
    }

    /** The customer's own data as a JSON file, for their request to see it. */
    @GetMapping("/{id}/data-export")
    ResponseEntity<byte[]> exportData(@PathVariable long id, @AuthenticationPrincipal JorenUser owner) {
        Customer customer = registry.find(id);
        String document = dataExport.export(id, owner.accountId());
        String name = "customer-" + (customer.getCode() != null ? customer.getCode() : id) + ".json";
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(document.getBytes(StandardCharsets.UTF_8));
    }
}
