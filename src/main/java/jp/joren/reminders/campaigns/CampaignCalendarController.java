package jp.joren.reminders.campaigns;

import java.time.Month;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jp.joren.accounts.OwnerOnly;
import jp.joren.shops.ShopSettings;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The year at a glance (年間で俯瞰): the shop's campaigns month by month, and a seasonal idea for each month
 * with none planned.
 */
@OwnerOnly
@Controller
@RequestMapping("/reminders/campaigns")
@RequiredArgsConstructor
class CampaignCalendarController {

    /** The years the calendar shows; any other asked for opens this year. */
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    private final Campaigns campaigns;
    private final ShopSettings shop;

    @GetMapping
    @Transactional(readOnly = true)
    String year(@RequestParam(required = false) Integer year, Model model) {
        int shown = year == null || year < FIRST_YEAR || year > LAST_YEAR ? shop.today().getYear() : year;
        Map<Month, List<Campaign>> byMonth = new TreeMap<>();
        Arrays.stream(Month.values()).forEach(month -> byMonth.put(month, List.of()));
        byMonth.putAll(campaigns.ofYear(shown).stream()
                .collect(Collectors.groupingBy(campaign -> campaign.scheduledOn().getMonth())));
        Map<Month, List<SeasonalIdea>> ideas = new TreeMap<>();
        byMonth.forEach((month, planned) -> ideas.put(month, planned.isEmpty() ? SeasonalIdea.of(month, shown) : List.of()));
        model.addAttribute("year", shown);
        model.addAttribute("months", byMonth);
        model.addAttribute("ideas", ideas);
        return "reminders/campaigns";
    }
}
