package jp.joren.catalog;

import java.util.List;

import jp.joren.shared.EditConflict;
import jp.joren.shared.LikePatterns;
import jp.joren.shared.NotFoundException;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's changes to the catalog. Products are never deleted (purchases point at them): they are
 * made inactive and the counter stops offering them.
 */
@Service
@RequiredArgsConstructor
class CatalogEditor {

    static final int PAGE_SIZE = 50;

    /** The longest replacement interval or repurchase cycle a product can have: ten years. */
    static final int MAX_DAYS = 3_650;

    record ProductRow(long id, String code, String name, Long categoryId, String categoryName, long price,
                      boolean sensitive, boolean excludedFromPortfolio, Integer repurchaseCycleDays, boolean active,
                      boolean department, Long modelId, String modelNumber, Long partId, long version) {
    }

    record Page(List<ProductRow> rows, long total, int page) {

        public int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    private static final String PRODUCT = """
            select p.id, p.code, p.name, p.category_id, c.name as category_name, p.price, p.sensitive,
                   p.excluded_from_portfolio, p.repurchase_cycle_days, p.active, p.department, m.id as model_id, m.model_number, k.id as part_id,
                   p.version
              from product p
              left join category c on c.tenant_id = :shop and c.tenant_id = p.tenant_id and c.id = p.category_id
              left join product_model m on m.tenant_id = :shop and m.tenant_id = p.tenant_id and m.product_id = p.id
              left join consumable_part k on k.tenant_id = :shop and k.tenant_id = p.tenant_id and k.product_id = p.id
             where p.tenant_id = :shop
            """;

    private final JdbcClient jdbc;

    @Transactional(readOnly = true)
    Page list(String text, Long categoryId, int page) {
        String matching = " and (:text = '' or lower(p.code) like :pattern or lower(p.name) like :pattern)"
                + " and (cast(:category as bigint) is null or p.category_id = :category)";
        String pattern = LikePatterns.containing(text.toLowerCase());
        long total = jdbc.sql("select count(*) from product p where p.tenant_id = :shop" + matching)
                .param("shop", CurrentTenant.require())
                .param("text", text).param("pattern", pattern).param("category", categoryId)
                .query(Long.class).single();
        List<ProductRow> rows = jdbc.sql(PRODUCT + matching + " order by p.active desc, p.code limit :limit offset :offset")
                .param("shop", CurrentTenant.require())
                .param("text", text).param("pattern", pattern).param("category", categoryId)
                .param("limit", PAGE_SIZE).param("offset", (long) page * PAGE_SIZE)
                .query(ProductRow.class).list();
        return new Page(rows, total, page);
    }

    @Transactional(readOnly = true)
    ProductRow find(long id) {
        return jdbc.sql(PRODUCT + " and p.id = :id").param("shop", CurrentTenant.require()).param("id", id)
                .query(ProductRow.class).optional()
                .orElseThrow(() -> new NotFoundException("product", id));
    }

    @Transactional(readOnly = true)
    boolean codeTaken(String code, @Nullable Long exceptId) {
        return jdbc.sql("""
                        select exists (select 1 from product
                                        where tenant_id = :shop and lower(code) = lower(:code) and id is distinct from :except)
                        """)
                .param("shop", CurrentTenant.require()).param("code", code).param("except", exceptId)
                .query(Boolean.class).single();
    }

    @Transactional
    long create(ProductChange product) {
        return jdbc.sql("""
                        insert into product (tenant_id, code, name, category_id, price, sensitive, excluded_from_portfolio,
                                             repurchase_cycle_days, active, department)
                        values (:shop, :code, :name, :category, :price, :sensitive, :excluded, :cycle, :active, :department)
                        returning id
                        """)
                .param("shop", CurrentTenant.require()).param("code", product.code()).param("name", product.name())
                .param("category", product.categoryId()).param("price", product.price())
                .param("sensitive", product.sensitive()).param("excluded", product.excludedFromPortfolio())
                .param("cycle", product.repurchaseCycleDays()).param("active", product.active())
                .param("department", product.department())
                .query(Long.class).single();
    }

    /**
     * @param version the version of the product the owner's page showed (null: whatever is saved)
     * @throws EditConflict when the product was saved since that page was opened
     */
    @Transactional
    void update(long id, ProductChange product, @Nullable Long version) {
        find(id);
        int changed = jdbc.sql("""
                        update product set code = :code, name = :name, category_id = :category, price = :price,
                                           sensitive = :sensitive, excluded_from_portfolio = :excluded,
                                           repurchase_cycle_days = :cycle, active = :active, department = :department
                         where tenant_id = :shop and id = :id and (cast(:version as bigint) is null or version = :version)
                        """)
                .param("code", product.code()).param("name", product.name()).param("category", product.categoryId())
                .param("price", product.price()).param("sensitive", product.sensitive())
                .param("excluded", product.excludedFromPortfolio()).param("cycle", product.repurchaseCycleDays())
                .param("active", product.active()).param("department", product.department())
                .param("shop", CurrentTenant.require()).param("id", id).param("version", version)
                .update();
        if (changed == 0) {
            throw new EditConflict();
        }
        // a part's number is its product code: keep them the same
        jdbc.sql("update consumable_part set part_number = :code where tenant_id = :shop and product_id = :id")
                .param("code", product.code()).param("shop", CurrentTenant.require()).param("id", id).update();
    }

    /** Makes the product a durable model (or changes its model number). */
    @Transactional
    void makeModel(long productId, String modelNumber) {
        ProductRow product = find(productId);
        if (product.modelId() == null) {
            jdbc.sql("""
                    insert into product_model (tenant_id, product_id, model_number)
                    values (:shop, :product, :number)
                    """).param("shop", CurrentTenant.require()).param("product", productId).param("number", modelNumber)
                    .update();
        } else {
            jdbc.sql("update product_model set model_number = :number where tenant_id = :shop and id = :model")
                    .param("number", modelNumber).param("shop", CurrentTenant.require()).param("model", product.modelId())
                    .update();
        }
    }

}
