package jp.joren.catalog;

import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jp.joren.shared.LikePatterns;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalog as other features read it: the counter's product lookup and the parts of each model. */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class CatalogQueries {

    private static final String CHOICE = """
            select p.id, p.code, p.name, p.price, m.id as model_id, p.sensitive, p.active, p.department
              from product p
              left join product_model m on m.tenant_id = :shop and m.tenant_id = p.tenant_id and m.product_id = p.id
             where p.tenant_id = :shop
            """;

    private final JdbcClient jdbc;

    /**
     * The key a typed or scanned code is matched by: full-width folded to half-width (NFKC), surrounding
     * spaces dropped, case ignored. {@link #byCodes} keys its answer by it.
     */
    public static String codeKey(String typed) {
        return Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    /** The product with exactly this code (as typed, see {@link #codeKey}). */
    public Optional<ProductChoice> byCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql(CHOICE + " and lower(p.code) = :code")
                .param("shop", CurrentTenant.require()).param("code", codeKey(code))
                .query(ProductChoice.class).optional();
    }

    /** The products with these codes (as typed), keyed by {@link #codeKey}. */
    public Map<String, ProductChoice> byCodes(Collection<String> codes) {
        List<String> keys = codes.stream().filter(code -> code != null && !code.isBlank())
                .map(CatalogQueries::codeKey).distinct().toList();
        if (keys.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(CHOICE + " and lower(p.code) in (:codes)")
                .param("shop", CurrentTenant.require()).param("codes", keys)
                .query(ProductChoice.class).list().stream()
                .collect(Collectors.toMap(product -> codeKey(product.code()), product -> product));
    }

    public Optional<ProductChoice> byId(long id) {
        return jdbc.sql(CHOICE + " and p.id = :id").param("shop", CurrentTenant.require()).param("id", id)
                .query(ProductChoice.class).optional();
    }

    /** The product model with this model number (ignoring case), as a customer types it. */
    public Optional<ProductChoice> modelByNumber(String modelNumber) {
        return jdbc.sql(CHOICE + " and lower(m.model_number) = lower(:number) order by p.active desc, p.id limit 1")
                .param("shop", CurrentTenant.require()).param("number", modelNumber.strip())
                .query(ProductChoice.class).optional();
    }

    /** Every product model, by product code: the choices of "owns model …" filters. */
    public List<ProductChoice> models() {
        return jdbc.sql(CHOICE + " and m.id is not null order by p.code").param("shop", CurrentTenant.require())
                .query(ProductChoice.class).list();
    }

    /** The shop's departments on sale, for the counter's department keys. */
    public List<ProductChoice> departments() {
        return jdbc.sql(CHOICE + " and p.department and p.active order by p.code")
                .param("shop", CurrentTenant.require()).query(ProductChoice.class).list();
    }

    /**
     * Active products whose code starts with the term or whose name contains it; exact code first, then code
     * prefix, then name, each alphabetical.
     */
    public List<ProductChoice> search(String term, int limit) {
        if (term == null || term.isBlank()) {
            return List.of();
        }
        String text = term.strip().toLowerCase();
        return jdbc.sql(CHOICE + """
                           and p.active
                           and (lower(p.code) like :prefix escape '\\' or lower(p.name) like :contains escape '\\')
                         order by lower(p.code) = :text desc, lower(p.code) like :prefix escape '\\' desc, p.code
                         limit :limit
                        """)
                .param("shop", CurrentTenant.require())
                .param("text", text)
                .param("prefix", LikePatterns.escaped(text) + "%")
                .param("contains", LikePatterns.containing(text))
                .param("limit", limit)
                .query(ProductChoice.class).list();
    }

    /** The consumable parts that fit each of the given product models, keyed by model id. */
    public Map<Long, List<ModelPart>> partsOfModels(Collection<Long> modelIds) {
        if (modelIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        select f.model_id, c.id as part_id, p.id as product_id, c.part_number, p.name, p.price,
                               c.replacement_interval_days, c.reminder_lead_days
                          from part_fit f
                          join consumable_part c on c.tenant_id = :shop and c.tenant_id = f.tenant_id and c.id = f.part_id
                          join product p on p.tenant_id = :shop and p.tenant_id = c.tenant_id and p.id = c.product_id
                         where f.tenant_id = :shop and f.model_id in (:models)
                         order by f.model_id, c.part_number
                        """)
                .param("shop", CurrentTenant.require())
                .param("models", modelIds)
                .query(ModelPart.class).list().stream()
                .collect(Collectors.groupingBy(ModelPart::modelId));
    }
}
