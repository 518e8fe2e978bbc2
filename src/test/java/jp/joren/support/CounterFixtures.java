package jp.joren.support;

import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.tenancy.CurrentTenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A small kitchenware catalog for counter tests: a pressure cooker model (PC-100) whose gasket (GK-100,
 * every 730 days) fits it, a filter with a 90-day cycle and a dish cloth.
 */
@Component
public class CounterFixtures {

    public record Kitchen(long storeId, long cookerId, long cookerModelId, long gasketId, long filterId, long clothId) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    CounterFixtures(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public Kitchen kitchen(TestShop shop) {
        return CurrentTenant.callAs(shop.tenantId(), () -> transaction.execute(status -> {
            long store = jdbc.sql("select id from store where tenant_id = app_current_tenant() order by id limit 1").query(Long.class).single();
            long cooker = product("PC-100", "圧力鍋 はやわざ 4L", 19_800, null);
            long model = jdbc.sql("""
                            insert into product_model (tenant_id, product_id, model_number)
                            values (app_current_tenant(), ?, 'PC-100') returning id
                            """).param(cooker).query(Long.class).single();
            long gasket = product("GK-100", "圧力鍋パッキン", 1_200, null);
            long part = jdbc.sql("""
                            insert into consumable_part (tenant_id, product_id, part_number, replacement_interval_days,
                                                         reminder_lead_days)
                            values (app_current_tenant(), ?, 'GK-100', 730, 30) returning id
                            """).param(gasket).query(Long.class).single();
            jdbc.sql("insert into part_fit (tenant_id, part_id, model_id) values (app_current_tenant(), ?, ?)")
                    .params(part, model).update();
            long filter = product("FL-01", "浄水フィルター", 500, 90);
            long cloth = product("TW-01", "かや織りふきん", 300, null);
            return new Kitchen(store, cooker, model, gasket, filter, cloth);
        }));
    }

    /** A department (部門) of the shop, sold at a typed price when {@code defaultPrice} is 0. */
    public long department(TestShop shop, String code, String name, long defaultPrice) {
        return CurrentTenant.callAs(shop.tenantId(), () -> transaction.execute(status -> jdbc.sql("""
                        insert into product (tenant_id, code, name, price, department)
                        values (app_current_tenant(), ?, ?, ?, true) returning id
                        """).params(code, name, defaultPrice).query(Long.class).single()));
    }

    private long product(String code, String name, long price, Integer cycleDays) {
        return jdbc.sql("""
                        insert into product (tenant_id, code, name, price, repurchase_cycle_days)
                        values (app_current_tenant(), ?, ?, ?, ?) returning id
                        """)
                .params(code, name, price, cycleDays).query(Long.class).single();
    }
}
