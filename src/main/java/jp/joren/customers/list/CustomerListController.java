package jp.joren.customers.list;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletResponse;
import jp.joren.accounts.JorenUser;
import jp.joren.accounts.OwnerOnly;
import jp.joren.catalog.CatalogQueries;
import jp.joren.customers.AcquisitionChannel;
import jp.joren.customers.CustomerFilter;
import jp.joren.customers.CustomerList;
import jp.joren.customers.SavedSegment;
import jp.joren.customers.SavedSegments;
import jp.joren.segments.Segment;
import jp.joren.segments.TradeAreaTier;
import jp.joren.shared.CsvDownload;
import jp.joren.shops.ShopSettings;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

@Controller
@RequestMapping("/customers")
@RequiredArgsConstructor
class CustomerListController {

    private final CustomerList list;
    private final ShopSettings shop;
    private final CatalogQueries catalog;

    private final CustomerListExport export;
    private final CsvDownload download;
    private final SavedSegments segments;

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
        model.addAttribute("exportUrl", thisRequest().replacePath("/customers/export")
                .replaceQueryParam("page").build().toUriString());
        model.addAttribute("stores", shop.stores());
        model.addAttribute("channels", AcquisitionChannel.values());
        model.addAttribute("consents", CustomerFilter.Consent.values());
        model.addAttribute("segments", Segment.values());
        model.addAttribute("standings", CustomerFilter.Standing.values());
        model.addAttribute("tiers", IntStream.rangeClosed(1, TradeAreaTier.TIERS).boxed().toList());
        model.addAttribute("sorts", CustomerFilter.Sort.values());
        model.addAttribute("models", catalog.models());
        model.addAttribute("towns", list.towns());
        // the saved segments, the one this filter is (if any) to rename or delete, and the filter to save
        String query = filter.toQuery();
        List<SavedSegment> saved = segments.all();
        model.addAttribute("savedSegments", saved);
        model.addAttribute("currentSegment", saved.stream().filter(segment -> segment.filter().equals(query))
                .findFirst().orElse(null));
        model.addAttribute("filterQuery", query);
        return "customers/list";
    }

    /** The filtered list as CSV for Excel. */
    @OwnerOnly
    @GetMapping("/export")
    void export(@ModelAttribute("filter") CustomerFilter filter, @AuthenticationPrincipal JorenUser owner, Locale locale,
            HttpServletResponse response) throws IOException {
        download.send(response, "customers-" + shop.today() + ".csv",
                out -> export.export(filter, out, locale, owner.accountId()));
    }

    /** This very list (its filters and sort) with one query parameter changed. */
    private static String withQueryParam(String name, Object value) {
        return thisRequest().replaceQueryParam(name, value).build().toUriString();
    }

    /** The current request's path and query, without the scheme and host its Host header chose. */
    private static UriComponentsBuilder thisRequest() {
        return ServletUriComponentsBuilder.fromCurrentRequest().scheme(null).host(null).port(null);
    }
}
