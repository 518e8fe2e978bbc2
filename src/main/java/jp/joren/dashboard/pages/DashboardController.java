package jp.joren.dashboard.pages;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jp.joren.accounts.JorenUser;
import jp.joren.accounts.OwnerOnly;
import jp.joren.dashboard.audience.AudienceChoice;
import jp.joren.dashboard.audience.AudienceList;
import jp.joren.dashboard.audience.AudienceMembers;
import jp.joren.dashboard.audience.DrillLinks;
import jp.joren.dashboard.audience.Selection;
import jp.joren.dashboard.period.Period;
import jp.joren.dashboard.period.PeriodChoice;
import jp.joren.dashboard.products.ProductInsights;
import jp.joren.shared.CsvDownload;
import jp.joren.shops.ShopSettings;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The owner's dashboard and the customer lists behind its numbers. */
@OwnerOnly
@Controller
@RequestMapping("/dashboard")
@RequiredArgsConstructor
class DashboardController {

    private final Dashboard dashboard;
    private final AudienceList audiences;
    private final ShopSettings shop;
    private final CsvDownload download;
    private final ProductInsights products;

    @GetMapping
    String show(@ModelAttribute("choice") PeriodChoice choice, Model model) {
        LocalDate today = shop.today();
        Period period = choice.resolve(today);
        model.addAttribute("view", dashboard.view(period, today));
        model.addAttribute("links", new DrillLinks(period));
        model.addAttribute("cells", Dashboard.CELLS);
        model.addAttribute("segments", Dashboard.SEGMENTS);
        model.addAttribute("kinds", List.of(Period.Kind.values()));
        if (choice.invalidCustomRange()) {
            model.addAttribute("notice", "dashboard.period.invalid");
        }
        return "dashboard/index";
    }

    /** Every town of the trade area; the dashboard shows each tier's largest. */
    @GetMapping("/area")
    String tradeArea(@ModelAttribute("choice") PeriodChoice choice, Model model) {
        LocalDate today = shop.today();
        Period period = choice.resolve(today);
        model.addAttribute("period", period);
        model.addAttribute("rows", dashboard.tradeArea(period, today));
        model.addAttribute("links", new DrillLinks(period));
        return "dashboard/area";
    }

    /** Periodicity and relatedness: a page of its own, since it reads two years of purchase lines. */
    @GetMapping("/products")
    String products(Model model) {
        LocalDate today = shop.today();
        model.addAttribute("insights", products.insights(today));
        model.addAttribute("today", today);
        return "dashboard/products";
    }

    @GetMapping("/customers")
    String customers(@ModelAttribute("choice") PeriodChoice choice, @ModelAttribute("audience") AudienceChoice audience,
            @RequestParam(defaultValue = "0") int page, Model model) {
        LocalDate today = shop.today();
        Selection selection = audience.resolve(choice.resolve(today));
        AudienceList.Page result = audiences.page(selection, today, page);
        model.addAttribute("selection", selection);
        model.addAttribute("links", new DrillLinks(selection.period()));
        model.addAttribute("result", result);
        var export = ServletUriComponentsBuilder.fromCurrentRequest().replacePath("/dashboard/customers.csv")
                .replaceQueryParam("page").build();
        model.addAttribute("exportUrl", export.getPath() + "?" + export.getQuery());
        if (page > 0) {
            model.addAttribute("previousPage", withQueryParam("page", page - 1));
        }
        if ((long) (page + 1) * AudienceMembers.PAGE_SIZE < result.total()) {
            model.addAttribute("nextPage", withQueryParam("page", page + 1));
        }
        return "dashboard/customers";
    }

    @GetMapping("/customers.csv")
    void export(@ModelAttribute("choice") PeriodChoice choice, @ModelAttribute("audience") AudienceChoice audience,
            @AuthenticationPrincipal JorenUser owner, Locale locale, HttpServletResponse response) throws IOException {
        LocalDate today = shop.today();
        Selection selection = audience.resolve(choice.resolve(today));
        download.send(response, "customers-" + selection.audience().name().toLowerCase(Locale.ROOT) + "-" + today + ".csv",
                out -> audiences.export(selection, today, out, locale, owner.accountId()));
    }

    /** This page with one query parameter changed: path and query only, whatever the request's Host header said. */
    private static String withQueryParam(String name, Object value) {
        return ServletUriComponentsBuilder.fromCurrentRequest().scheme(null).host(null).port(null)
                .replaceQueryParam(name, value).build().toUriString();
    }
}
