package jp.joren.dashboard.audience;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.joren.audit.AuditAction;
import jp.joren.audit.AuditLog;
import jp.joren.forecast.NextVisit;
import jp.joren.reminders.ReminderPolicies;
import jp.joren.segments.Portfolio;
import jp.joren.shared.ExcelCsvWriter;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customers behind a dashboard number, on screen a page at a time and as CSV; every export is audited. */
@Service
@RequiredArgsConstructor
public class AudienceList {

    public record Page(long total, List<AudienceMembers.Member> members) {
    }

    private static final List<String> HEADERS = List.of("customer.field.code", "customer.field.name",
            "customer.field.nameKana", "customer.field.phone", "customer.field.email", "customer.field.town",
            "dashboard.column.cell", "customer.visits", "customer.totalAmount", "customer.lastVisit",
            "nextVisit.title");

    private final AudienceMembers members;
    private final Portfolio portfolio;
    private final AuditLog audit;
    private final MessageSource messages;
    private final ReminderPolicies reminderPolicies;
    private final Clock clock;

    @Transactional(readOnly = true)
    public Page page(Selection selection, LocalDate today, int page) {
        AudienceMembers.Context context = context(today);
        return new Page(members.count(selection, context), members.page(selection, context, page));
    }

    private AudienceMembers.Context context(LocalDate today) {
        return new AudienceMembers.Context(today, portfolio.policy().neighbourhoodTowns(),
                clock.instant().minus(Duration.ofDays(reminderPolicies.current().frequencyCapDays())));
    }

    @Transactional
    public void export(Selection selection, LocalDate today, OutputStream out, Locale locale, long ownerId) {
        int[] rows = {0};
        ExcelCsvWriter csv = new ExcelCsvWriter(out);
        csv.row(HEADERS.stream().map(key -> messages.getMessage(key, null, locale)).toList());
        members.each(selection, context(today), member -> {
            csv.row(member.code(), member.name(), member.nameKana(), member.phone(), member.email(), member.town(),
                    member.cell() == null ? "" : messages.getMessage(member.cell().messageKey(), null, locale),
                    member.visits(), member.amount(), member.lastVisit(), nextVisit(member.nextVisit(), locale));
            rows[0]++;
        });
        csv.flush();
        audit.record(ownerId, AuditAction.DATA_EXPORTED, "dashboard_audience", null,
                Map.of("audience", selection.audience().name(), "rows", rows[0]));
    }

    /** The day in the spreadsheet's own date format, or the words for a customer away. */
    private Object nextVisit(NextVisit visit, Locale locale) {
        if (visit == null) {
            return "";
        }
        return visit.away() ? messages.getMessage("nextVisit.away", new Object[] {visit.daysAway()}, locale)
                : visit.expectedOn();
    }
}
