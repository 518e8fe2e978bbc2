package jp.joren.catalog;

import java.util.OptionalLong;

import jakarta.validation.Valid;
import jp.joren.accounts.OwnerOnly;
import jp.joren.shared.EditConflict;
import jp.joren.shared.Yen;
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

/** The owner's catalog: categories, products, product models and the consumable parts that fit them. */
@OwnerOnly
@Controller
@RequestMapping("/catalog")
class CatalogController {

    private static final int MAX_DAYS = 3_650;

    private final CatalogEditor editor;

    CatalogController(CatalogEditor editor) {
        this.editor = editor;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String text, @RequestParam(required = false) Long category,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("text", text.strip());
        model.addAttribute("category", category);
        model.addAttribute("result", editor.list(text.strip(), category, Math.max(0, page)));
        model.addAttribute("categories", editor.categories());
        return "catalog/list";
    }

    @GetMapping("/products/new")
    String newProduct(Model model) {
        model.addAttribute("productForm", new ProductForm());
        return productPage(model, null);
    }

    @PostMapping("/products")
    String create(@Valid @ModelAttribute ProductForm productForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        OptionalLong price = checkProduct(productForm, result, null);
        if (result.hasErrors()) {
            return productPage(model, null);
        }
        long id;
        try {
            id = editor.create(productForm, price.getAsLong(), days(productForm.getRepurchaseCycleDays()));
        } catch (DuplicateKeyException sameCodeAtTheSameMoment) {
            result.rejectValue("code", "catalog.validation.codeTaken");
            return productPage(model, null);
        }
        redirect.addFlashAttribute("notice", "catalog.saved");
        return "redirect:/catalog/products/" + id;
    }

    @GetMapping("/products/{id}")
    String show(@PathVariable long id, Model model) {
        if (!model.containsAttribute("productForm")) {
            model.addAttribute("productForm", ProductForm.of(editor.find(id)));
        }
        return productPage(model, id);
    }

    @PostMapping("/products/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute ProductForm productForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        editor.find(id);
        OptionalLong price = checkProduct(productForm, result, id);
        if (result.hasErrors()) {
            return productPage(model, id);
        }
        try {
            editor.update(id, productForm, price.getAsLong(), days(productForm.getRepurchaseCycleDays()));
        } catch (DuplicateKeyException sameCodeAtTheSameMoment) {
            result.rejectValue("code", "catalog.validation.codeTaken");
            return productPage(model, id);
        } catch (EditConflict savedMeanwhile) {
            ProductForm saved = ProductForm.of(editor.find(id));
            model.addAttribute("conflict", EditConflict.between(saved.snapshot(), productForm.snapshot()));
            productForm.setVersion(saved.getVersion());
            return productPage(model, id);
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

    @PostMapping("/products/{id}/parts")
    String addPart(@PathVariable long id, @Valid @ModelAttribute PartForm partForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        CatalogEditor.ProductRow product = editor.find(id);
        if (product.modelId() == null) {
            return "redirect:/catalog/products/" + id;
        }
        OptionalLong price = Yen.parse(partForm.getPrice());
        if (!result.hasFieldErrors("price") && (price.isEmpty() || price.getAsLong() < 0)) {
            result.rejectValue("price", "catalog.validation.price");
        }
        Integer interval = days(partForm.getIntervalDays());
        if (!result.hasFieldErrors("intervalDays") && interval == null) {
            result.rejectValue("intervalDays", "catalog.validation.days");
        }
        Integer lead = partForm.getLeadDays() == null || partForm.getLeadDays().isBlank() ? Integer.valueOf(30)
                : days0(partForm.getLeadDays());
        if (lead == null) {
            result.rejectValue("leadDays", "catalog.validation.leadDays");
        }
        if (!result.hasFieldErrors("partNumber") && editor.codeTaken(partForm.getPartNumber(), null)) {
            result.rejectValue("partNumber", "catalog.validation.partNumberTaken");
        }
        if (result.hasErrors()) {
            model.addAttribute("productForm", ProductForm.of(product));
            return productPage(model, id);
        }
        editor.addPart(product.modelId(), partForm, price.getAsLong(), interval, lead);
        redirect.addFlashAttribute("notice", "catalog.partAdded");
        return "redirect:/catalog/products/" + id + "#parts";
    }

    @PostMapping("/products/{id}/parts/attach")
    String attachPart(@PathVariable long id, @RequestParam(defaultValue = "") String partNumber,
            RedirectAttributes redirect) {
        CatalogEditor.ProductRow product = editor.find(id);
        if (product.modelId() != null && !editor.attachPart(product.modelId(), partNumber)) {
            redirect.addFlashAttribute("attachError", "catalog.validation.unknownPart");
            redirect.addFlashAttribute("attachPartNumber", partNumber);
        }
        return "redirect:/catalog/products/" + id + "#parts";
    }

    @PostMapping("/products/{id}/parts/{partId}/detach")
    String detachPart(@PathVariable long id, @PathVariable long partId) {
        CatalogEditor.ProductRow product = editor.find(id);
        if (product.modelId() != null) {
            editor.detachPart(product.modelId(), partId);
        }
        return "redirect:/catalog/products/" + id + "#parts";
    }

    @PostMapping("/products/{id}/parts/{partId}")
    String updatePart(@PathVariable long id, @PathVariable long partId, @RequestParam String intervalDays,
            @RequestParam String leadDays, RedirectAttributes redirect) {
        editor.find(id);
        Integer interval = days(intervalDays);
        Integer lead = days0(leadDays);
        if (interval == null || lead == null) {
            redirect.addFlashAttribute("partError", "catalog.validation.days");
        } else {
            editor.updatePart(partId, interval, lead);
            redirect.addFlashAttribute("notice", "catalog.partSaved");
        }
        return "redirect:/catalog/products/" + id + "#parts";
    }

    @GetMapping("/categories")
    String categories(Model model) {
        model.addAttribute("categories", editor.categories());
        return "catalog/categories";
    }

    @PostMapping("/categories")
    String addCategory(@RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        if (name.isBlank() || name.strip().length() > 60) {
            redirect.addFlashAttribute("categoryError", "catalog.validation.categoryName");
        } else {
            editor.addCategory(name);
            redirect.addFlashAttribute("notice", "catalog.categorySaved");
        }
        return "redirect:/catalog/categories";
    }

    @PostMapping("/categories/{id}")
    String renameCategory(@PathVariable long id, @RequestParam(defaultValue = "") String name,
            RedirectAttributes redirect) {
        if (name.isBlank() || name.strip().length() > 60) {
            redirect.addFlashAttribute("categoryError", "catalog.validation.categoryName");
        } else {
            editor.renameCategory(id, name);
            redirect.addFlashAttribute("notice", "catalog.categorySaved");
        }
        return "redirect:/catalog/categories";
    }

    private OptionalLong checkProduct(ProductForm form, BindingResult result, Long id) {
        OptionalLong price = Yen.parse(form.getPrice());
        if (!result.hasFieldErrors("price") && (price.isEmpty() || price.getAsLong() < 0)) {
            result.rejectValue("price", "catalog.validation.price");
        }
        if (!form.getRepurchaseCycleDays().isBlank() && days(form.getRepurchaseCycleDays()) == null) {
            result.rejectValue("repurchaseCycleDays", "catalog.validation.days");
        }
        if (!result.hasFieldErrors("code") && editor.codeTaken(form.getCode(), id)) {
            result.rejectValue("code", "catalog.validation.codeTaken");
        }
        if (form.getCategoryId() != null && editor.categories().stream().noneMatch(c -> c.id() == form.getCategoryId())) {
            result.rejectValue("categoryId", "catalog.validation.category");
        }
        return price;
    }

    /** Days from 1 to ten years, as typed (full-width digits too); null when not such a number. */
    private static Integer days(String text) {
        OptionalLong days = Yen.parse(text);
        return days.isPresent() && days.getAsLong() >= 1 && days.getAsLong() <= MAX_DAYS ? (int) days.getAsLong() : null;
    }

    private static Integer days0(String text) {
        OptionalLong days = Yen.parse(text);
        return days.isPresent() && days.getAsLong() >= 0 && days.getAsLong() <= MAX_DAYS ? (int) days.getAsLong() : null;
    }

    private String productPage(Model model, Long id) {
        model.addAttribute("productId", id);
        model.addAttribute("categories", editor.categories());
        if (id != null) {
            CatalogEditor.ProductRow product = editor.find(id);
            model.addAttribute("product", product);
            if (product.modelId() != null) {
                model.addAttribute("parts", editor.partsOf(product.modelId()));
                if (!model.containsAttribute("partForm")) {
                    model.addAttribute("partForm", new PartForm());
                }
            }
        }
        return "catalog/product";
    }
}
