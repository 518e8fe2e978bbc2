package jp.joren.catalog;

import jakarta.validation.Valid;
import jp.joren.accounts.OwnerOnly;
import jp.joren.shared.EditConflict;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
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

/** The owner's catalog: the product list, a product's page, and making a product a durable model. */
@OwnerOnly
@Controller
@RequestMapping("/catalog")
@RequiredArgsConstructor
class CatalogController {

    private final CatalogEditor editor;
    private final Categories categories;
    private final ProductPage page;

    @GetMapping
    String list(@RequestParam(defaultValue = "") String text, @RequestParam(required = false) Long category,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("text", text.strip());
        model.addAttribute("category", category);
        model.addAttribute("result", editor.list(text.strip(), category, Math.max(0, page)));
        model.addAttribute("categories", categories.all());
        return "catalog/list";
    }

    @GetMapping("/products/new")
    String newProduct(Model model) {
        model.addAttribute("productForm", new ProductForm());
        return page.of(null, model);
    }

    @PostMapping("/products")
    String create(@Valid @ModelAttribute ProductForm productForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        check(productForm, result, null);
        if (result.hasErrors()) {
            return page.of(null, model);
        }
        long id;
        try {
            id = editor.create(productForm.change());
        } catch (DuplicateKeyException sameCodeAtTheSameMoment) {
            result.rejectValue("code", "catalog.validation.codeTaken");
            return page.of(null, model);
        }
        redirect.addFlashAttribute("notice", "catalog.saved");
        return "redirect:/catalog/products/" + id;
    }

    @GetMapping("/products/{id}")
    String show(@PathVariable long id, Model model) {
        if (!model.containsAttribute("productForm")) {
            model.addAttribute("productForm", ProductForm.of(editor.find(id)));
        }
        return page.of(id, model);
    }

    @PostMapping("/products/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute ProductForm productForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        editor.find(id);
        check(productForm, result, id);
        if (result.hasErrors()) {
            return page.of(id, model);
        }
        try {
            editor.update(id, productForm.change(), productForm.getVersion());
        } catch (DuplicateKeyException sameCodeAtTheSameMoment) {
            result.rejectValue("code", "catalog.validation.codeTaken");
            return page.of(id, model);
        } catch (EditConflict savedMeanwhile) {
            ProductForm saved = ProductForm.of(editor.find(id));
            model.addAttribute("conflict", EditConflict.between(saved.snapshot(), productForm.snapshot()));
            productForm.setVersion(saved.getVersion());
            return page.of(id, model);
        }
        redirect.addFlashAttribute("notice", "catalog.saved");
        return "redirect:/catalog/products/" + id;
    }

    @PostMapping("/products/{id}/model")
    String makeModel(@PathVariable long id, @RequestParam(defaultValue = "") String modelNumber,
            RedirectAttributes redirect) {
        editor.find(id);
        if (modelNumber.isBlank() || modelNumber.strip().length() > 60) {
            redirect.addFlashAttribute("modelError", "catalog.validation.modelNumber");
            return "redirect:/catalog/products/" + id + "#model";
        }
        editor.makeModel(id, modelNumber.strip());
        redirect.addFlashAttribute("notice", "catalog.modelSaved");
        return "redirect:/catalog/products/" + id + "#model";
    }

    /** What only the shop knows, after the form's own rules: a code no other product has, a category of this shop. */
    private void check(ProductForm form, BindingResult result, @Nullable Long id) {
        if (!result.hasFieldErrors("code") && editor.codeTaken(form.getCode(), id)) {
            result.rejectValue("code", "catalog.validation.codeTaken");
        }
        if (form.getCategoryId() != null && !categories.exists(form.getCategoryId())) {
            result.rejectValue("categoryId", "catalog.validation.category");
        }
    }
}
