package jp.joren.catalog;

import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What a product's page shows besides its form: the categories to choose from, and a model's parts. */
@Component
@RequiredArgsConstructor
class ProductPage {

    private final CatalogEditor editor;
    private final Categories categories;
    private final ModelParts parts;

    /** @param id the product shown; null for a new one. @return the page's view */
    String of(@Nullable Long id, Model model) {
        model.addAttribute("productId", id);
        model.addAttribute("categories", categories.all());
        if (id != null) {
            CatalogEditor.ProductRow product = editor.find(id);
            model.addAttribute("product", product);
            if (product.modelId() != null) {
                model.addAttribute("parts", parts.partsOf(product.modelId()));
                if (!model.containsAttribute("partForm")) {
                    model.addAttribute("partForm", new PartForm());
                }
            }
        }
        return "catalog/product";
    }
}
