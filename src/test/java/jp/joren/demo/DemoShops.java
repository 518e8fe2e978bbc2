package jp.joren.demo;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jp.joren.support.ShopWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Generates small demo shops for tests, each with its own owner, and reads them inside their tenant context. */
@Component
public class DemoShops {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final String PASSWORD = "joren-demo-2026";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final DemoShopGenerator generator;
    private final ShopWork shopWork;

    DemoShops(DemoShopGenerator generator, ShopWork shopWork) {
        this.generator = generator;
        this.shopWork = shopWork;
    }

    static DemoShopSpec spec(long seed, int customers) {
        String email = "demo-test" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() + "@test.joren.jp";
        return new DemoShopSpec(seed, customers, TODAY, email, PASSWORD, "かなもの屋 さくら");
    }

    public long generate(long seed, int customers) {
        return generate(spec(seed, customers));
    }

    long generate(DemoShopSpec spec) {
        return generator.generate(spec);
    }

    /** Runs {@code query} in a transaction bound to {@code tenantId}, the only way shop rows are visible. */
    <T> T inShop(long tenantId, Function<JdbcClient, T> query) {
        return shopWork.query(tenantId, query);
    }

    public long count(long tenantId, String sql) {
        return inShop(tenantId, db -> db.sql(sql).query(Long.class).single());
    }
}
