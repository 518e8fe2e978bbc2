package jp.joren.reminders.letters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.joren.reminders.Offer;
import jp.joren.reminders.rules.ReminderRule;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads outbox messages with what they need to be written out (a preview, an email, a label). */
@Repository
@RequiredArgsConstructor
public class Letters {

    /**
     * The letters of the shop's ({@code :shop}) messages in {@code source}: outbox_message, or rows of the same
     * columns not yet in it; for a condition to follow with {@code and}.
     */
    public static String select(String source) {
        return """
            select m.id, m.rule, m.campaign_id, m.channel, m.status, m.reason, m.due_on, m.unsubscribe_token,
                   cu.id as customer_id, cu.name as customer_name, cu.email, cu.postal_code,
                   concat_ws(' ', cu.prefecture, cu.city, cu.town, cu.address_line) as address,
                   p.name as product_name, cp.part_number, p.price as product_price,
                   mp.name as model_name, pm.model_number,
                   c.code as coupon_code, c.kind as coupon_kind, c.value as coupon_value, c.cap as coupon_cap,
                   c.valid_until as coupon_valid_until,
                   s.name as shop_name, s.sender_name, s.sender_postal_address, s.sender_email, s.sender_phone
              from %s m
              join customer cu on cu.tenant_id = :shop and cu.tenant_id = m.tenant_id and cu.id = m.customer_id
              join shop s on s.id = m.tenant_id
              left join product p on p.tenant_id = :shop and p.tenant_id = m.tenant_id and p.id = m.product_id
              left join consumable_part cp on cp.tenant_id = :shop and cp.tenant_id = m.tenant_id
                                          and cp.product_id = m.product_id
              left join owned_product o on o.tenant_id = :shop and o.tenant_id = m.tenant_id and o.id = m.owned_product_id
              left join product_model pm on pm.tenant_id = :shop and pm.tenant_id = o.tenant_id
                                        and pm.id = o.product_model_id
              left join product mp on mp.tenant_id = :shop and mp.tenant_id = pm.tenant_id and mp.id = pm.product_id
              left join coupon c on c.tenant_id = :shop and c.tenant_id = m.tenant_id and c.id = m.coupon_id
             where m.tenant_id = :shop
            """.formatted(source);
    }

    private static final String SELECT = select("outbox_message");

    private final JdbcClient jdbc;

    public Optional<Letter> find(long messageId) {
        return jdbc.sql(SELECT + " and m.id = :id").param("shop", CurrentTenant.require()).param("id", messageId)
                .query(Letters::letter).optional();
    }

    /** Who signs the current shop's letters. */
    Letter.Sender sender() {
        return jdbc.sql("""
                        select name, sender_name, sender_postal_address, sender_email, sender_phone
                          from shop where id = :shop""")
                .param("shop", CurrentTenant.require())
                .query((rs, row) -> new Letter.Sender(rs.getString("name"), rs.getString("sender_name"),
                        rs.getString("sender_postal_address"), rs.getString("sender_email"), rs.getString("sender_phone")))
                .single();
    }

    public List<Letter> all(List<Long> messageIds) {
        return jdbc.sql(SELECT + " and m.id = any(:ids) order by m.id")
                .param("shop", CurrentTenant.require()).param("ids", messageIds.toArray(Long[]::new)).query(Letters::letter).list();
    }

    public static Letter letter(ResultSet rs, int row) throws SQLException {
        String couponKind = rs.getString("coupon_kind");
        Offer offer = couponKind == null ? null : new Offer(Offer.CouponKind.valueOf(couponKind),
                rs.getInt("coupon_value"), rs.getObject("coupon_cap", Long.class), 0);
        return new Letter(rs.getLong("id"), ReminderRule.valueOf(rs.getString("rule")),
                rs.getObject("campaign_id", Long.class), rs.getString("channel"),
                rs.getString("status"), rs.getString("reason"), rs.getObject("due_on", LocalDate.class),
                rs.getLong("customer_id"), rs.getString("customer_name"), rs.getString("email"),
                rs.getString("postal_code"), rs.getString("address"),
                rs.getString("product_name"), rs.getString("part_number"), rs.getObject("product_price", Long.class),
                rs.getString("model_name"), rs.getString("model_number"),
                rs.getString("coupon_code"), offer, rs.getObject("coupon_valid_until", LocalDate.class),
                rs.getString("unsubscribe_token"),
                new Letter.Sender(rs.getString("shop_name"), rs.getString("sender_name"),
                        rs.getString("sender_postal_address"), rs.getString("sender_email"),
                        rs.getString("sender_phone")));
    }
}
