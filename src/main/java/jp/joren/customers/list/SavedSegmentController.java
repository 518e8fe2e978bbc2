package jp.joren.customers.list;

import jp.joren.accounts.OwnerOnly;
import jp.joren.customers.CustomerFilter;
import jp.joren.customers.SavedSegment;
import jp.joren.customers.SavedSegments;
import jp.joren.shared.EditConflict;
import jp.joren.shared.NotFoundException;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner saves the customer list's filter under a name, renames or deletes it; each answer goes back to
 * the list with the segment's filter, where the outcome shows.
 */
@OwnerOnly
@Controller
@RequestMapping("/customers/segments")
@RequiredArgsConstructor
class SavedSegmentController {

    private final SavedSegments segments;

    /** A saved segment's own address (the campaign page links to it): the list with its filter. */
    @GetMapping("/{id}")
    String open(@PathVariable long id) {
        return "redirect:" + find(id).listAddress();
    }

    @PostMapping
    String save(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String filter,
            RedirectAttributes redirect) {
        String list = new SavedSegment(0, "", CustomerFilter.ofQuery(filter).toQuery(), 0).listAddress();
        String problem = problemWith(name);
        if (problem == null) {
            try {
                segments.save(new SavedSegments.SaveSegment(name, filter));
                redirect.addFlashAttribute("notice", "customer.segments.saved");
                return "redirect:" + list;
            } catch (SavedSegments.NameTaken taken) {
                problem = "customer.segments.nameTaken";
            }
        }
        redirect.addFlashAttribute("segmentError", problem);
        redirect.addFlashAttribute("segmentName", name);
        return "redirect:" + list;
    }

    @PostMapping("/{id}/rename")
    String rename(@PathVariable long id, @RequestParam(defaultValue = "") String name, @RequestParam long version,
            RedirectAttributes redirect) {
        SavedSegment segment = find(id);
        String problem = problemWith(name);
        if (problem == null) {
            try {
                segments.rename(new SavedSegments.RenameSegment(id, name, version));
                redirect.addFlashAttribute("notice", "customer.segments.renamed");
                return "redirect:" + segment.listAddress();
            } catch (SavedSegments.NameTaken taken) {
                problem = "customer.segments.nameTaken";
            } catch (EditConflict meanwhile) {
                problem = "customer.segments.changedMeanwhile";
            }
        }
        redirect.addFlashAttribute("segmentError", problem);
        redirect.addFlashAttribute("segmentName", name);
        return "redirect:" + segment.listAddress();
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        SavedSegment segment = find(id);
        try {
            segments.delete(id);
            redirect.addFlashAttribute("notice", "customer.segments.deleted");
        } catch (SavedSegments.InUse used) {
            redirect.addFlashAttribute("segmentError", "customer.segments.inUse");
            redirect.addFlashAttribute("segmentErrorArgs", new Object[] {String.join(", ", used.needing())});
        }
        return "redirect:" + segment.listAddress();
    }

    /** The message key of what is wrong with the name typed, or null. */
    private static @Nullable String problemWith(String name) {
        String typed = name.strip();
        if (typed.isEmpty()) {
            return "customer.segments.nameMissing";
        }
        return typed.length() > SavedSegments.NAME_LENGTH ? "customer.segments.nameTooLong" : null;
    }

    private SavedSegment find(long id) {
        return segments.find(id).orElseThrow(() -> new NotFoundException("saved segment", id));
    }
}
