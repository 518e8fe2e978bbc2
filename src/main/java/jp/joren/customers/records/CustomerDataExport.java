package jp.joren.customers.records;

import java.util.Map;

import jp.joren.audit.AuditAction;
import jp.joren.audit.AuditLog;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything the shop holds about one customer, for the customer's request to see their data
 * (個人情報保護法): details, consent history, owned products, purchases with their lines, as one JSON
 * document built by the database. Every export is written to the audit log.
 */
@Service
@RequiredArgsConstructor
public class CustomerDataExport {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    @Transactional
    public String export(long customerId, long ownerId) {
        String document = jdbc.sql("""
                -- Everything the shop keeps about one customer as one JSON document: details, consents, owned products, purchases
                select jsonb_pretty(jsonb_build_object(
                    'customer', jsonb_build_object(
                        'code', c.code, 'name', c.name, 'nameKana', c.name_kana, 'email', c.email, 'phone', c.phone,
                        'postalCode', c.postal_code, 'prefecture', c.prefecture, 'city', c.city, 'town', c.town,
                        'addressLine', c.address_line, 'birthday', c.birthday, 'acquisitionChannel', c.acquisition_channel,
                        'store', (select s.name from store s where s.tenant_id = :shop and s.tenant_id = c.tenant_id and s.id = c.store_id),
                        'tags', to_jsonb(c.tags), 'notes', c.notes, 'status', c.status, 'registeredAt', c.created_at),
                    'consents', coalesce((select jsonb_agg(jsonb_build_object(
                            'channel', k.channel, 'purpose', k.purpose, 'granted', k.granted, 'pending', k.pending,
                            'recordedAt', k.recorded_at, 'method', k.method, 'wordingVersion', k.wording_version)
                            order by k.recorded_at, k.id)
                        from consent k where k.tenant_id = :shop and k.tenant_id = c.tenant_id and k.customer_id = c.id), '[]'),
                    'ownedProducts', coalesce((select jsonb_agg(jsonb_build_object(
                            'productCode', p.code, 'name', p.name, 'modelNumber', m.model_number,
                            'purchasedOn', o.purchased_on, 'source', o.source, 'endedAt', o.ended_at)
                            order by o.purchased_on, o.id)
                        from owned_product o
                        join product_model m on m.tenant_id = :shop and m.tenant_id = o.tenant_id and m.id = o.product_model_id
                        join product p on p.tenant_id = :shop and p.tenant_id = m.tenant_id and p.id = m.product_id
                        where o.tenant_id = :shop and o.tenant_id = c.tenant_id and o.customer_id = c.id), '[]'),
                    'purchases', coalesce((select jsonb_agg(jsonb_build_object(
                            'receipt', u.id, 'purchasedAt', u.purchased_at, 'channel', u.channel, 'total', u.total,
                            'status', u.status,
                            'lines', (select jsonb_agg(jsonb_build_object('productCode', pr.code, 'name', pr.name,
                                                'quantity', l.quantity, 'unitPrice', l.unit_price,
                                                'discount', l.discount, 'amount', l.amount) order by l.id)
                                        from purchase_line l
                                        join product pr on pr.tenant_id = :shop and pr.tenant_id = l.tenant_id and pr.id = l.product_id
                                       where l.tenant_id = :shop and l.tenant_id = u.tenant_id and l.purchase_id = u.id))
                            order by u.purchased_at, u.id)
                        from purchase u where u.tenant_id = :shop and u.tenant_id = c.tenant_id and u.customer_id = c.id), '[]')))
                  from customer c
                 where c.tenant_id = :shop and c.id = :id
                """).param("shop", CurrentTenant.require()).param("id", customerId).query(String.class).single();
        audit.record(ownerId, AuditAction.CUSTOMER_EXPORTED, "customer", customerId, Map.of());
        return document;
    }
}
