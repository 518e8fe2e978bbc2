package jp.joren.reminders.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jp.joren.accounts.OwnerOnly;
import jp.joren.reminders.Offer;
import jp.joren.reminders.letters.LetterWriter;
import jp.joren.reminders.letters.MessagePreview;
import jp.joren.reminders.letters.Previews;
import jp.joren.reminders.outbox.OutboxQueries;
import jp.joren.shared.EditConflict;
import jp.joren.shops.ShopSettings;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One rule's page: its settings and wording, where it starts from, what waits for approval, a preview. */
@OwnerOnly
@Controller
@RequestMapping("/reminders/rules/{rule}")
@RequiredArgsConstructor
class RuleController {

    private final ReminderRules rules;
    private final OutboxQueries outbox;
    private final LetterWriter writer;
    private final Previews previews;
    private final ShopSettings shop;

    @GetMapping
    @Transactional(readOnly = true)
    String rule(@PathVariable ReminderRule rule, Model model) {
        RuleSettings settings = rules.get(rule);
        RuleForm form = RuleForm.of(settings, writer);
        form.setVersion(rules.version(rule));
        model.addAttribute("form", form);
        return rulePage(rule, settings, model);
    }

    @PostMapping
    @Transactional
    String saveRule(@PathVariable ReminderRule rule, @Valid @ModelAttribute("form") RuleForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        for (String field : List.of("subject", "body")) {
            Set<String> unknown = LetterWriter.unknownVariables("subject".equals(field) ? form.getSubject() : form.getBody());
            if (!unknown.isEmpty()) {
                result.rejectValue(field, "reminders.rule.unknownVariables", new Object[] {String.join(", ", unknown)},
                        null);
            }
        }
        if (form.getSubject() == null || form.getSubject().isBlank()) {
            result.rejectValue("subject", "reminders.rule.subjectMissing");
        }
        if (form.getBody() == null || form.getBody().isBlank()) {
            result.rejectValue("body", "reminders.rule.bodyMissing");
        }
        form.checkOffer(result);
        if (form.isEnabled() && !outbox.senderComplete()) {
            result.reject("reminders.rule.senderIncomplete");
        }
        if (result.hasErrors()) {
            return rulePage(rule, rules.get(rule), model);
        }
        try {
            rules.save(form.toSettings(rule, writer), shop.today(), form.getVersion());
        } catch (EditConflict savedMeanwhile) {
            // the rule page as this person typed it, beside what the other saved; saving again is their choice
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            RuleForm saved = RuleForm.of(rules.get(rule), writer);
            model.addAttribute("conflict", EditConflict.between(saved.snapshot(), form.snapshot()));
            form.setVersion(rules.version(rule));
            return rulePage(rule, rules.get(rule), model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/reminders/rules/" + rule.name();
    }

    private String rulePage(ReminderRule rule, RuleSettings settings, Model model) {
        model.addAttribute("rule", rule);
        model.addAttribute("variables", LetterWriter.VARIABLES);
        model.addAttribute("couponKinds", Arrays.asList(Offer.CouponKind.values()));
        model.addAttribute("senderComplete", outbox.senderComplete());
        RuleStart start = rules.starts().get(rule);
        model.addAttribute("activeFrom", start == null ? null : start.activeFrom());
        model.addAttribute("awaiting", outbox.countsByRule().get(rule).getOrDefault("AWAITING_APPROVAL", 0));
        model.addAttribute("channelOrder", rules.channelOrders().get(rule));
        model.addAttribute("channelOrders", ChannelOrder.values());
        model.addAttribute("preview", preview(rule, settings));
        return "reminders/rule";
    }

    /** The preview again while the owner types: the wording in the form, everything else as saved. */
    @PostMapping("/preview")
    @Transactional(readOnly = true)
    String livePreview(@PathVariable ReminderRule rule, @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String body, Model model) {
        RuleSettings saved = rules.get(rule);
        RuleSettings typed = new RuleSettings(rule, saved.enabled(), saved.timingDays(), saved.holdoutPercent(),
                saved.offer(), subject.isBlank() ? null : subject, body.isBlank() ? null : body,
                saved.forecastBelowPercent(), saved.approveEachNight());
        model.addAttribute("preview", preview(rule, typed));
        return "reminders/rule :: live-preview";
    }

    /** The rule's latest message written with {@code settings}, else a customer it would choose, else a sample. */
    private MessagePreview preview(ReminderRule rule, RuleSettings settings) {
        return outbox.latestMessageOf(rule)
                .map(message -> previews.of(List.of(message), settings).get(0))
                .orElseGet(() -> previews.beforeQueueing(Recipients.of(settings, RuleStart.UNBOUNDED), settings));
    }
}
