package jp.joren.customers.list;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.joren.audit.AuditAction;
import jp.joren.audit.AuditLog;
import jp.joren.customers.CustomerFilter;
import jp.joren.customers.CustomerList;
import jp.joren.shared.ExcelCsvWriter;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The owner's filtered customer list as a CSV file for Excel, streamed row by row; every export is audited. */
@Service
@RequiredArgsConstructor
class CustomerListExport {

    private static final List<String> HEADERS = List.of("customer.field.code", "customer.field.name",
            "customer.field.nameKana", "customer.field.phone", "customer.field.email", "customer.field.postalCode",
            "customer.field.prefecture", "customer.field.city", "customer.field.town", "customer.field.addressLine",
            "customer.field.acquisitionChannel", "customer.field.store", "customer.tags", "customer.csv.emailConsent",
            "customer.csv.postalConsent", "customer.visits", "customer.firstVisit", "customer.lastVisit",
            "customer.totalAmount", "customer.list.probabilityActive", "customer.list.value12m", "customer.list.segment");

    private final CustomerList list;
    private final AuditLog audit;
    private final MessageSource messages;

    @Transactional
    public void export(CustomerFilter filter, OutputStream out, Locale locale, long ownerId) {
        int[] rows = {0};
        ExcelCsvWriter csv = new ExcelCsvWriter(out);
        csv.row(HEADERS.stream().map(key -> messages.getMessage(key, null, locale)).toList());
        list.each(filter, row -> {
            csv.row(row.code(), row.name(), row.nameKana(), row.phone(), row.email(), row.postalCode(),
                    row.prefecture(), row.city(), row.town(), row.addressLine(),
                    messages.getMessage("customer.channel." + row.acquisitionChannel(), null, locale),
                    row.storeName(), row.tags(), consent(row.emailConsent(), locale),
                    consent(row.postalConsent(), locale), row.visits(), row.firstVisit(), row.lastVisit(),
                    row.totalAmount(),
                    row.probabilityActive() == null ? ""
                            : String.format(Locale.ROOT, "%.1f%%", row.probabilityActive() * 100),
                    row.expectedValue12Months() == null ? "" : row.expectedValue12Months(),
                    row.cell() == null ? "" : messages.getMessage(row.cell().messageKey(), null, locale));
            rows[0]++;
        });
        csv.flush();
        audit.record(ownerId, AuditAction.DATA_EXPORTED, "customer_list", null, Map.of("rows", rows[0]));
    }

    private String consent(String state, Locale locale) {
        return messages.getMessage("customer.consent.state." + (state == null ? "NOT_ASKED" : state), null, locale);
    }
}
