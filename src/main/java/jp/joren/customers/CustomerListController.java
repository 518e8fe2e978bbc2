package jp.joren.customers;

import jp.joren.catalog.CatalogQueries;
import jp.joren.shops.ShopSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@Controller
@RequestMapping("/customers")
class CustomerListController {

    private final CustomerList list;
    private final ShopSettings shop;
    private final CatalogQueries catalog;

    CustomerListController(CustomerList list, ShopSettings shop, CatalogQueries catalog) {
        this.list = list;
        this.shop = shop;
        this.catalog = catalog;
    }

    @GetMapping
    String list(@ModelAttribute("filter") CustomerFilter filter, Model model) {
        CustomerList.Page result = list.page(filter);
        model.addAttribute("result", result);
        if (result.page() > 0) {
            model.addAttribute("previousPage", withQueryParam("page", result.page() - 1));
        }
        if (result.page() + 1 < result.pages()) {
            model.addAttribute("nextPage", withQueryParam("page", result.page() + 1));
        }
        model.addAttribute("exportUrl", ServletUriComponentsBuilder.fromCurrentRequest().replacePath("/customers/export")
                .replaceQueryParam("page").build().toUriString());
        model.addAttribute("stores", shop.stores());
        model.addAttribute("channels", AcquisitionChannel.values());
        model.addAttribute("consents", CustomerFilter.Consent.values());
        model.addAttribute("sorts", CustomerFilter.Sort.values());
        model.addAttribute("models", catalog.models());
        model.addAttribute("towns", list.towns());
        return "customers/list";
    }

    /** This very list (its filters and sort) with one query parameter changed. */
    private static String withQueryParam(String name, Object value) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam(name, value).build().toUriString();
    }
}
