package jp.joren.catalog;

import java.util.List;
import java.util.Optional;

import jp.joren.shared.NotFoundException;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consumable parts of the shop's product models: a part is also a product (sold by its part number), with
 * a replacement interval and a reminder lead; one part may fit several models.
 */
@Service
@RequiredArgsConstructor
class ModelParts {

    record PartRow(long partId, long productId, String partNumber, String name, long price, int replacementIntervalDays,
                   int reminderLeadDays, boolean active, int models) {
    }

    private final JdbcClient jdbc;

    /** A new part: its product (code = part number) and its replacement data, fitted to the model. */
    @Transactional
    void addPart(long modelId, NewPart part) {
        long shop = CurrentTenant.require();
        long product = jdbc.sql("insert into product (tenant_id, code, name, price) values (:shop, :code, :name, :price) returning id")
                .param("shop", shop).param("code", part.partNumber()).param("name", part.name())
                .param("price", part.price())
                .query(Long.class).single();
        long partId = jdbc.sql("""
                        insert into consumable_part (tenant_id, product_id, part_number, replacement_interval_days,
                                                     reminder_lead_days)
                        values (:shop, :product, :number, :interval, :lead)
                        returning id
                        """)
                .param("shop", shop).param("product", product).param("number", part.partNumber())
                .param("interval", part.intervalDays()).param("lead", part.leadDays())
                .query(Long.class).single();
        fit(partId, modelId);
    }

    /** Fits an existing part (by its number) to the model as well; false when there is no such part. */
    @Transactional
    boolean attachPart(long modelId, String partNumber) {
        Optional<Long> part = jdbc.sql("""
                        select id from consumable_part where tenant_id = :shop and lower(part_number) = lower(:number)""")
                .param("shop", CurrentTenant.require()).param("number", partNumber.strip()).query(Long.class).optional();
        part.ifPresent(id -> fit(id, modelId));
        return part.isPresent();
    }

    @Transactional
    void detachPart(long modelId, long partId) {
        jdbc.sql("delete from part_fit where tenant_id = :shop and model_id = :model and part_id = :part")
                .param("shop", CurrentTenant.require()).param("model", modelId).param("part", partId).update();
    }

    @Transactional
    void updatePart(long partId, int intervalDays, int leadDays) {
        int changed = jdbc.sql("""
                        update consumable_part set replacement_interval_days = :interval, reminder_lead_days = :lead
                         where tenant_id = :shop and id = :part
                        """)
                .param("interval", intervalDays).param("lead", leadDays)
                .param("shop", CurrentTenant.require()).param("part", partId).update();
        if (changed == 0) {
            throw new NotFoundException("part", partId);
        }
    }

    @Transactional(readOnly = true)
    List<PartRow> partsOf(long modelId) {
        return jdbc.sql("""
                        select k.id as part_id, p.id as product_id, k.part_number, p.name, p.price,
                               k.replacement_interval_days, k.reminder_lead_days, p.active,
                               (select count(*) from part_fit g where g.tenant_id = :shop and g.tenant_id = k.tenant_id and g.part_id = k.id) as models
                          from part_fit f
                          join consumable_part k on k.tenant_id = :shop and k.tenant_id = f.tenant_id and k.id = f.part_id
                          join product p on p.tenant_id = :shop and p.tenant_id = k.tenant_id and p.id = k.product_id
                         where f.tenant_id = :shop and f.model_id = :model
                         order by k.part_number
                        """)
                .param("shop", CurrentTenant.require()).param("model", modelId).query(PartRow.class).list();
    }

    private void fit(long partId, long modelId) {
        jdbc.sql("""
                insert into part_fit (tenant_id, part_id, model_id) values (:shop, :part, :model)
                on conflict do nothing
                """).param("shop", CurrentTenant.require()).param("part", partId).param("model", modelId).update();
    }
}
