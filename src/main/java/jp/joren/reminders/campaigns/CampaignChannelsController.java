package jp.joren.reminders.campaigns;

import jp.joren.accounts.OwnerOnly;
import jp.joren.reminders.rules.ChannelOrder;
import jp.joren.shared.NotFoundException;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner chooses the channels a campaign tries, in order, until it is queued. */
@OwnerOnly
@Controller
@RequiredArgsConstructor
class CampaignChannelsController {

    private final Campaigns campaigns;

    @PostMapping("/reminders/campaigns/{id}/channels")
    @Transactional
    String save(@PathVariable long id, @RequestParam ChannelOrder channels, RedirectAttributes redirect) {
        if (campaigns.find(id).isEmpty()) {
            throw new NotFoundException("campaign", id);
        }
        redirect.addFlashAttribute("saved", campaigns.saveChannelOrder(id, channels));
        return "redirect:/reminders/campaigns/" + id;
    }
}
