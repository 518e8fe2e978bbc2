package jp.joren.customers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jp.joren.catalog.CatalogQueries;
import jp.joren.catalog.ModelPart;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The installed base: which product models each customer owns. Buying a model registers it; cancelling
 * or returning that purchase ends it. The consumable parts' due dates come from here.
 */
@Service
@RequiredArgsConstructor
public class OwnedProducts {

    private final JdbcClient jdbc;
    private final CatalogQueries catalog;
    private final Clock clock;

    @Transactional(propagation = Propagation.MANDATORY)
    public void registerFromPurchase(long customerId, long modelId, LocalDate purchasedOn, long purchaseId,
            Long actorId) {
        insert(customerId, modelId, purchasedOn, purchaseId, "PURCHASE", actorId);
    }

    /** A model bought elsewhere or before the shop used Joren, entered by staff. */
    @Transactional
    public void registerByStaff(long customerId, long modelId, LocalDate purchasedOn, Long actorId) {
        insert(customerId, modelId, purchasedOn, null, "STAFF", actorId);
    }

    /** A model the customer registered themselves on the shop's public page. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void registerByCustomer(long customerId, long modelId, LocalDate purchasedOn) {
        insert(customerId, modelId, purchasedOn, null, "CUSTOMER", null);
    }

    /** The purchase was cancelled, returned or corrected: what it registered is no longer owned through it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void endForPurchase(long purchaseId) {
        jdbc.sql("""
                        update owned_product set ended_at = :now
                         where tenant_id = :shop and source_purchase_id = :purchase and ended_at is null""")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("shop", CurrentTenant.require())
                .param("purchase", purchaseId).update();
    }

    private void insert(long customerId, long modelId, LocalDate purchasedOn, Long purchaseId, String source,
            Long actorId) {
        jdbc.sql("""
                        insert into owned_product (tenant_id, customer_id, product_model_id, purchased_on,
                                                   source_purchase_id, source, created_by)
                        values (app_current_tenant(), :customer, :model, :purchasedOn, :purchase, :source, :actor)
                        """)
                .param("customer", customerId)
                .param("model", modelId)
                .param("purchasedOn", purchasedOn)
                .param("purchase", purchaseId)
                .param("source", source)
                .param("actor", actorId)
                .update();
    }

    /** What the customer owns now, newest first, each with its parts and their due dates. */
    @Transactional(readOnly = true)
    public List<OwnedProduct> of(long customerId) {
        List<Row> rows = jdbc.sql("""
                        select o.id, o.product_model_id as model_id, p.code, p.name, m.model_number, o.purchased_on,
                               o.source, o.source_purchase_id
                          from owned_product o
                          join product_model m on m.tenant_id = :shop and m.tenant_id = o.tenant_id and m.id = o.product_model_id
                          join product p on p.tenant_id = :shop and p.tenant_id = m.tenant_id and p.id = m.product_id
                         where o.tenant_id = :shop and o.customer_id = :customer and o.ended_at is null
                         order by o.purchased_on desc, o.id desc
                        """)
                .param("shop", CurrentTenant.require())
                .param("customer", customerId)
                .query(Row.class).list();
        Map<Long, List<ModelPart>> parts = catalog.partsOfModels(rows.stream().map(Row::modelId).distinct().toList());
        Map<Long, LocalDate> lastBought = lastPurchaseOfEach(customerId,
                parts.values().stream().flatMap(List::stream).map(ModelPart::productId).collect(Collectors.toSet()));
        return rows.stream().map(row -> new OwnedProduct(row.id(), row.modelId(), row.code(), row.name(),
                row.modelNumber(), row.purchasedOn(), row.source(), row.sourcePurchaseId(),
                parts.getOrDefault(row.modelId(), List.of()).stream()
                        .map(part -> due(part, row.purchasedOn(), lastBought.get(part.productId())))
                        .toList())).toList();
    }

    private static OwnedProduct.PartDue due(ModelPart part, LocalDate modelBought, LocalDate partBought) {
        LocalDate lastReplaced = partBought != null && partBought.isAfter(modelBought) ? partBought : modelBought;
        LocalDate dueOn = lastReplaced.plusDays(part.replacementIntervalDays());
        return new OwnedProduct.PartDue(part.partNumber(), part.name(), part.price(), part.replacementIntervalDays(),
                lastReplaced, dueOn, dueOn.minusDays(part.reminderLeadDays()));
    }

    private Map<Long, LocalDate> lastPurchaseOfEach(long customerId, Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        select l.product_id, max(p.business_date) as last_bought
                          from completed_purchase p
                          join purchase_line l on l.tenant_id = :shop and l.tenant_id = p.tenant_id and l.purchase_id = p.id
                         where p.tenant_id = :shop and p.customer_id = :customer and l.product_id in (:products)
                         group by l.product_id
                        """)
                .param("shop", CurrentTenant.require()).param("customer", customerId)
                .param("products", productIds)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getObject(2, LocalDate.class))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private record Row(long id, long modelId, String code, String name, String modelNumber, LocalDate purchasedOn,
                       String source, Long sourcePurchaseId) {
    }
}
