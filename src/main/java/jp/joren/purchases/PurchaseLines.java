package jp.joren.purchases;

import java.util.List;

import jp.joren.customers.OwnedProducts;
import jp.joren.reminders.PurchaseExits;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a sale's lines, whether rung up or corrected, and what they set going: a product model registers itself
 * to the customer, and what the customer bought ends the reminders waiting for it.
 */
@Component
@RequiredArgsConstructor
class PurchaseLines {

    private final JdbcClient jdbc;
    private final OwnedProducts ownedProducts;
    private final PurchaseExits reminderExits;

    void write(long id, CheckedPurchase sale, long clerkId) {
        List<PricedLine> lines = sale.lines();
        jdbc.sql("""
                        insert into purchase_line (tenant_id, purchase_id, product_id, quantity, unit_price, discount,
                                                   amount, note)
                        select app_current_tenant(), ?, * from unnest(?::bigint[], ?::int[], ?::bigint[], ?::bigint[],
                                                                       ?::bigint[], ?::text[])
                        on conflict (tenant_id, id) do nothing
                        """)
                .params(id,
                        lines.stream().map(line -> line.product().id()).toArray(Long[]::new),
                        lines.stream().map(PricedLine::quantity).toArray(Integer[]::new),
                        lines.stream().map(PricedLine::unitPrice).toArray(Long[]::new),
                        lines.stream().map(PricedLine::discount).toArray(Long[]::new),
                        lines.stream().map(PricedLine::amount).toArray(Long[]::new),
                        lines.stream().map(PricedLine::note).toArray(String[]::new))
                .update();
        if (sale.customerId() != null) {
            lines.stream().filter(line -> line.product().isModel()).forEach(line ->
                    ownedProducts.registerFromPurchase(sale.customerId(), line.product().modelId(),
                            sale.businessDate(), id, clerkId));
            reminderExits.customerBought(sale.customerId(),
                    lines.stream().map(line -> line.product().id()).toList());
        }
    }
}
