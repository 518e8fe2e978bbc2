package jp.joren.imports;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jp.joren.audit.AuditAction;
import jp.joren.audit.AuditLog;
import jp.joren.shared.ExcelCsvWriter;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Streams products and purchase lines to CSV row by row (a fetch size, never the whole table in memory),
 * with the same headers the import understands, so an export can be edited in Excel and imported back.
 */
@Service
@RequiredArgsConstructor
class Exports {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    @Transactional
    public void products(OutputStream out, long ownerId) {
        int rows = stream(out, List.of("商品コード", "商品名", "分類", "価格", "要配慮", "買い替え日数", "販売中", "型番"), """
                select p.code, p.name, c.name, p.price, case when p.sensitive then '1' else '0' end,
                       p.repurchase_cycle_days, case when p.active then '1' else '0' end, m.model_number
                  from product p
                  left join category c on c.tenant_id = :shop and c.tenant_id = p.tenant_id and c.id = p.category_id
                  left join product_model m on m.tenant_id = :shop and m.tenant_id = p.tenant_id and m.product_id = p.id
                 where p.tenant_id = :shop
                 order by p.code
                """);
        audit.record(ownerId, AuditAction.DATA_EXPORTED, "products", null, Map.of("rows", rows));
    }

    @Transactional
    public void purchases(OutputStream out, long ownerId) {
        int rows = stream(out, List.of("レシート番号", "日時", "店舗", "顧客番号", "商品コード", "商品名", "数量", "単価", "値引き",
                "金額", "状態"), """
                select coalesce(u.external_ref, u.id::text), to_char(u.purchased_at at time zone s.time_zone,
                       'YYYY-MM-DD HH24:MI'), st.name, c.code, p.code, p.name, l.quantity, l.unit_price, l.discount,
                       l.amount, u.status
                  from purchase u
                  join shop s on s.id = u.tenant_id
                  join store st on st.tenant_id = :shop and st.tenant_id = u.tenant_id and st.id = u.store_id
                  join purchase_line l on l.tenant_id = :shop and l.tenant_id = u.tenant_id and l.purchase_id = u.id
                  join product p on p.tenant_id = :shop and p.tenant_id = l.tenant_id and p.id = l.product_id
                  left join customer c on c.tenant_id = :shop and c.tenant_id = u.tenant_id and c.id = u.customer_id
                 where u.tenant_id = :shop
                 order by u.purchased_at, u.id, l.id
                """);
        audit.record(ownerId, AuditAction.DATA_EXPORTED, "purchases", null, Map.of("rows", rows));
    }

    private int stream(OutputStream out, List<String> header, String sql) {
        int[] rows = {0};
        ExcelCsvWriter csv = new ExcelCsvWriter(out);
        try (Stream<Object[]> lines = jdbc.sql(sql).param("shop", CurrentTenant.require()).withFetchSize(1_000).query((rs, i) -> {
                 Object[] cells = new Object[header.size()];
                 for (int c = 0; c < cells.length; c++) {
                     cells[c] = rs.getObject(c + 1);
                 }
                 return cells;
             }).stream()) {
            csv.row(header);
            lines.forEach(cells -> {
                csv.row(cells);
                rows[0]++;
            });
        }
        csv.flush();
        return rows[0];
    }
}
