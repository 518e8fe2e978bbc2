package jp.joren.catalog;

import jp.joren.accounts.OwnerOnly;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner names the shop's product categories. */
@OwnerOnly
@Controller
@RequestMapping("/catalog/categories")
@RequiredArgsConstructor
class CategoryController {

    private static final int LONGEST_NAME = 60;

    private final Categories categories;

    @GetMapping
    String categories(Model model) {
        model.addAttribute("categories", categories.all());
        return "catalog/categories";
    }

    @PostMapping
    String addCategory(@RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        if (!acceptable(name)) {
            redirect.addFlashAttribute("categoryError", "catalog.validation.categoryName");
        } else {
            categories.add(name);
            redirect.addFlashAttribute("notice", "catalog.categorySaved");
        }
        return "redirect:/catalog/categories";
    }

    @PostMapping("/{id}")
    String renameCategory(@PathVariable long id, @RequestParam(defaultValue = "") String name,
            RedirectAttributes redirect) {
        if (!acceptable(name)) {
            redirect.addFlashAttribute("categoryError", "catalog.validation.categoryName");
        } else {
            categories.rename(id, name);
            redirect.addFlashAttribute("notice", "catalog.categorySaved");
        }
        return "redirect:/catalog/categories";
    }

    private static boolean acceptable(String name) {
        return !name.isBlank() && name.strip().length() <= LONGEST_NAME;
    }
}
