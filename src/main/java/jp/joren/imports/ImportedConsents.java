package jp.joren.imports;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The consent columns of a customer file, entered in the ledger (method IMPORT) where they change the answer. */
@RequiredArgsConstructor
final class ImportedConsents {

    private final JdbcClient jdbc;
    private final long ownerId;
    private final ImportRun run;

    /** Records each row's consent answers for the customer it became, where they differ from the latest. */
    void record(List<Long> ids, List<ImportRow> rows) {
        List<Long> customers = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        List<Boolean> granted = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            for (String[] consent : new String[][] {{"emailConsent", "EMAIL"}, {"postalConsent", "POSTAL"}}) {
                Boolean given = rows.get(i).value(consent[0]);
                if (given != null) {
                    customers.add(ids.get(i));
                    channels.add(consent[1]);
                    granted.add(given);
                }
            }
        }
        if (customers.isEmpty()) {
            return;
        }
        // Not current_consent, on purpose: the file's answer is compared with the latest answer the customer
        // confirmed, and written only when it differs. Importing the same ledger again adds nothing, even when a
        // sign-up's double opt-in is pending since; that pending entry decides until the customer confirms it.
        jdbc.sql("""
                        insert into consent (tenant_id, customer_id, channel, purpose, granted, method, wording_version,
                                             recorded_by, recorded_at, import_id)
                        select app_current_tenant(), u.customer, u.channel, 'ADVERTISING', u.granted, 'IMPORT', 'import', ?, ?,
                               ?
                          from unnest(?::bigint[], ?::text[], ?::boolean[]) u(customer, channel, granted)
                         where u.granted is distinct from (
                               select k.granted from consent k
                                where k.tenant_id = ? and k.customer_id = u.customer
                                  and k.channel = u.channel and k.purpose = 'ADVERTISING' and not k.pending
                                order by k.recorded_at desc, k.id desc limit 1)
                        on conflict (tenant_id, id) do nothing
                        """)
                .params(ownerId, run.now().atOffset(ZoneOffset.UTC), run.importId(), customers.toArray(Long[]::new),
                        channels.toArray(String[]::new), granted.toArray(Boolean[]::new), CurrentTenant.require())
                .update();
    }
}
