package jp.joren.catalog;

import jakarta.validation.Valid;
import jp.joren.accounts.OwnerOnly;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The consumable parts of a product model, on the model's page: add, fit an existing one, unfit, retime. */
@OwnerOnly
@Controller
@RequestMapping("/catalog/products/{id}/parts")
@RequiredArgsConstructor
class PartController {

    private final CatalogEditor editor;
    private final ModelParts parts;
    private final ProductPage page;

    @PostMapping
    String addPart(@PathVariable long id, @Valid @ModelAttribute PartForm partForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        CatalogEditor.ProductRow product = editor.find(id);
        if (product.modelId() == null) {
            return "redirect:/catalog/products/" + id;
        }
        if (!result.hasFieldErrors("partNumber") && editor.codeTaken(partForm.getPartNumber(), null)) {
            result.rejectValue("partNumber", "catalog.validation.partNumberTaken");
        }
        if (result.hasErrors()) {
            model.addAttribute("productForm", ProductForm.of(product));
            return page.of(id, model);
        }
        parts.addPart(product.modelId(), partForm.part());
        redirect.addFlashAttribute("notice", "catalog.partAdded");
        return "redirect:/catalog/products/" + id + "#parts";
    }

    @PostMapping("/attach")
    String attachPart(@PathVariable long id, @RequestParam(defaultValue = "") String partNumber,
            RedirectAttributes redirect) {
        CatalogEditor.ProductRow product = editor.find(id);
        if (product.modelId() != null && !parts.attachPart(product.modelId(), partNumber)) {
            redirect.addFlashAttribute("attachError", "catalog.validation.unknownPart");
            redirect.addFlashAttribute("attachPartNumber", partNumber);
        }
        return "redirect:/catalog/products/" + id + "#parts";
    }

    @PostMapping("/{partId}/detach")
    String detachPart(@PathVariable long id, @PathVariable long partId) {
        CatalogEditor.ProductRow product = editor.find(id);
        if (product.modelId() != null) {
            parts.detachPart(product.modelId(), partId);
        }
        return "redirect:/catalog/products/" + id + "#parts";
    }

    @PostMapping("/{partId}")
    String updatePart(@PathVariable long id, @PathVariable long partId, @Valid PartTiming timing,
            BindingResult result, RedirectAttributes redirect) {
        editor.find(id);
        if (result.hasErrors()) {
            redirect.addFlashAttribute("partError", "catalog.validation.days");
        } else {
            parts.updatePart(partId, timing.intervalDays(), timing.leadDays());
            redirect.addFlashAttribute("notice", "catalog.partSaved");
        }
        return "redirect:/catalog/products/" + id + "#parts";
    }
}
