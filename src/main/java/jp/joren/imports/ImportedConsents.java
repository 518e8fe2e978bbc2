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
        // The latest answers are read first and joined, not looked up per row: Citus cannot correlate a table
        // with rows unnested from arrays.
        Long[] customerIds = customers.toArray(Long[]::new);
        jdbc.sql("""
                        insert into consent (tenant_id, customer_id, channel, purpose, granted, method, wording_version,
                                             recorded_by, recorded_at, import_id)
                        select :shop, u.customer, u.channel, 'ADVERTISING', u.granted, 'IMPORT', 'import', :owner, :now,
                               :import
                          from unnest(:customers::bigint[], :channels::text[], :granted::boolean[]) u(customer, channel, granted)
                          left join (select distinct on (k.customer_id, k.channel) k.customer_id, k.channel, k.granted
                                       from consent k
                                      where k.tenant_id = :shop and k.customer_id = any(:customers::bigint[])
                                        and k.purpose = 'ADVERTISING' and not k.pending
                                      order by k.customer_id, k.channel, k.recorded_at desc, k.id desc) latest
                            on latest.customer_id = u.customer and latest.channel = u.channel
                         where u.granted is distinct from latest.granted
                        on conflict (tenant_id, id) do nothing
                        """)
                .param("shop", CurrentTenant.require())
                .param("owner", ownerId)
                .param("now", run.now().atOffset(ZoneOffset.UTC))
                .param("import", run.importId())
                .param("customers", customerIds)
                .param("channels", channels.toArray(String[]::new))
                .param("granted", granted.toArray(Boolean[]::new))
                .update();
    }
}
