package jp.joren.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import jp.joren.demo.DemoShopGenerator;
import jp.joren.demo.DemoShopSpec;
import jp.joren.support.BenchmarkReport;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.ShopWork;
import jp.joren.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The counter on the largest shop Joren is designed for (100,000 customers, two years of history):
 * how fast the search box answers, and how many purchases the app registers per second with eight
 * clerks saving at once. Everything goes through real HTTP. Run with the benchmarks profile (README).
 */
@JorenIntegrationTest
class CounterBenchmark {

    /** The shop has 100,000; a smaller one (-Dbenchmark.customers=5000) is quicker to profile. */
    private static final int CUSTOMERS = Integer.getInteger("benchmark.customers", 100_000);
    private static final int CLIENTS = 8;
    private static final long PURCHASE_SECONDS = 20;
    private static final long WARM_UP_SECONDS = 5;
    private static final long FLOOR_SECONDS = 10;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @LocalServerPort
    int port;

    @Autowired
    DemoShopGenerator generator;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ShopWork shopWork;

    @Test
    void searchAndRegisterPurchasesOnTheLargestShop() throws Exception {
        String owner = "bench-" + System.nanoTime() + "@bench.joren.jp";
        long shop = generator.generate(new DemoShopSpec(20261124, CUSTOMERS, LocalDate.now(ZoneId.of("Asia/Tokyo")),
                owner, "joren-bench-2026", "ベンチマーク金物店"));
        BenchmarkReport report = new BenchmarkReport("counter",
                "The counter on a generated shop of %,d customers (%,d purchases), through real HTTP on the local PostgreSQL."
                        .formatted(CUSTOMERS, shopWork.query(shop, db -> db.sql("select count(*) from purchase").query(Long.class).single())));
        measureSearch(shop, owner, report);
        measurePurchases(shop, owner, report);
        report.write();
    }

    private void measureSearch(long shop, String owner, BenchmarkReport report) {
        List<Map<String, Object>> people = shopWork.query(shop, db -> db.sql("""
                select phone, name, name_kana, email from customer
                 where phone is not null and email is not null and name_kana is not null
                 order by id limit 400
                """).query().listOfRows());
        Map<String, Function<Map<String, Object>, String>> kinds = new java.util.LinkedHashMap<>();
        kinds.put("last 4 phone digits", person -> ((String) person.get("phone")).substring(((String) person.get("phone")).length() - 4));
        kinds.put("whole phone number", person -> (String) person.get("phone"));
        kinds.put("kana prefix (3 characters, hiragana)", person -> toHiragana(((String) person.get("name_kana")).substring(0, 3)));
        kinds.put("name prefix (family name)", person -> ((String) person.get("name")).split(" ")[0]);
        kinds.put("email prefix", person -> ((String) person.get("email")).substring(0, 6));
        WebSession clerk = new WebSession(port);
        clerk.logIn(owner, "joren-bench-2026");
        for (Map<String, Object> person : people.subList(0, 100)) {
            search(clerk, (String) person.get("phone"));
        }
        for (Map.Entry<String, Function<Map<String, Object>, String>> kind : kinds.entrySet()) {
            List<Double> millis = new ArrayList<>();
            for (Map<String, Object> person : people) {
                long started = System.nanoTime();
                search(clerk, kind.getValue().apply(person));
                millis.add((System.nanoTime() - started) / 1e6);
            }
            Collections.sort(millis);
            report.line("search by %s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d searches, HTTP round trip incl. rendering)",
                    kind.getKey(), percentile(millis, 50), percentile(millis, 95), percentile(millis, 99), millis.size());
        }
    }

    private static void search(WebSession clerk, String term) {
        WebSession.Page page = clerk.send(HttpRequest.newBuilder(URI.create(clerk.url("/customers/search?q="
                + URLEncoder.encode(term, StandardCharsets.UTF_8)))).header("HX-Request", "true"));
        if (page.status() != 200) {
            throw new IllegalStateException("search answered " + page.status());
        }
    }

    private void measurePurchases(long shop, String owner, BenchmarkReport report) throws Exception {
        List<Long> customers = shopWork.query(shop, db -> db.sql("select id from customer order by id limit 5000").query(Long.class).list());
        List<String> codes = shopWork.query(shop, db -> db.sql("select code from product where active order by id limit 40").query(String.class).list());
        long store = shopWork.query(shop, db -> db.sql("select id from store order by id limit 1").query(Long.class).single());
        // a server answers sales for days: the first seconds, while the JIT compiles the sale's path, are not its pace
        sell(owner, customers, codes, store, WARM_UP_SECONDS);
        long before = shopWork.query(shop, db -> db.sql("select count(*) from purchase").query(Long.class).single());
        Sales sales = sell(owner, customers, codes, store, PURCHASE_SECONDS);
        List<Double> all = sales.millis();
        double seconds = sales.seconds();
        Collections.sort(all);
        long registered = shopWork.query(shop, db -> db.sql("select count(*) from purchase").query(Long.class).single()) - before;
        report.line("purchase registration, %d clients for %.0f s after %d s of warm-up: %,d purchases of 3 lines (%,d in the "
                        + "database), %.0f purchases/s, p50 %.1f ms, p99 %.1f ms", CLIENTS, seconds, WARM_UP_SECONDS, all.size(),
                registered, all.size() / seconds, percentile(all, 50), percentile(all, 99));
        double floor = bareWrites(shop, store, customers, codes);
        report.line("floor, measured right after on the same machine: the sale's bare writes (the receipt, its 3 lines, "
                + "its number from the store's counter) from %d threads straight through JDBC, %.0f sales/s; the counter "
                + "reaches %.0f%% of it through HTTP with every check", CLIENTS, floor, 100 * all.size() / seconds / floor);
    }

    /** Each sale's round trip in ms, and the seconds they took. */
    private record Sales(List<Double> millis, double seconds) {
    }

    /** Eight clerks, logged in, sell for the given seconds, each as fast as the app answers. */
    private Sales sell(String owner, List<Long> customers, List<String> codes, long store, long seconds)
            throws Exception {
        String staff = DemoShopGenerator.staffEmail(owner);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<Double>>> clients = new ArrayList<>();
        long[] window = new long[2];
        CyclicBarrier loggedIn = new CyclicBarrier(CLIENTS, () -> {
            window[0] = System.nanoTime();
            window[1] = window[0] + seconds * 1_000_000_000L;
        });
        for (int c = 0; c < CLIENTS; c++) {
            int seed = c;
            clients.add(pool.submit(() -> {
                WebSession clerk = new WebSession(port);
                clerk.logIn(seed % 2 == 0 ? owner : staff, "joren-bench-2026");
                String csrf = clerk.csrfToken("/purchases/new");
                Random random = new Random(seed);
                List<Double> millis = new ArrayList<>();
                // a login checks a password on purpose slowly; the clerks start selling together once all are in
                loggedIn.await();
                long deadline = window[1];
                while (System.nanoTime() < deadline) {
                    Map<String, String> fields = new HashMap<>();
                    fields.put("_csrf", csrf);
                    fields.put("customerId", customers.get(random.nextInt(customers.size())).toString());
                    fields.put("storeId", Long.toString(store));
                    fields.put("purchasedAt", LOCAL.format(LocalDateTime.now(ZoneId.of("Asia/Tokyo")).minusMinutes(1)));
                    fields.put("channel", "STORE");
                    fields.put("clientKey", UUID.randomUUID().toString());
                    for (int line = 0; line < 3; line++) {
                        fields.put("lines[" + line + "].code", codes.get(random.nextInt(codes.size())));
                        fields.put("lines[" + line + "].quantity", Integer.toString(1 + random.nextInt(3)));
                    }
                    long sent = System.nanoTime();
                    WebSession.Page saved = clerk.post("/purchases", fields);
                    millis.add((System.nanoTime() - sent) / 1e6);
                    if (saved.status() != 302) {
                        throw new IllegalStateException("purchase answered " + saved.status() + ": "
                                + saved.document().select(".error, .error-box").text());
                    }
                }
                return millis;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> client : clients) {
            all.addAll(client.get());
        }
        double took = (System.nanoTime() - window[0]) / 1e9;
        pool.shutdown();
        return new Sales(all, took);
    }

    /** The machine's pace for a sale's writes alone, in one transaction each, as the counter's are. @return sales/s */
    private double bareWrites(long shop, long store, List<Long> customers, List<String> codes) throws Exception {
        List<Long> products = shopWork.query(shop, db -> db.sql("select id from product where code = any(?) order by id")
                .param(codes.toArray(String[]::new)).query(Long.class).list());
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Integer>> writers = new ArrayList<>();
        long started = System.nanoTime();
        long deadline = started + FLOOR_SECONDS * 1_000_000_000L;
        for (int c = 0; c < CLIENTS; c++) {
            Random random = new Random(100 + c);
            writers.add(pool.submit(() -> {
                int sales = 0;
                while (System.nanoTime() < deadline) {
                    long customer = customers.get(random.nextInt(customers.size()));
                    Long[] lines = {products.get(random.nextInt(products.size())), products.get(random.nextInt(products.size())),
                            products.get(random.nextInt(products.size()))};
                    shopWork.query(shop, db -> {
                        long id = db.sql("""
                                        insert into purchase (tenant_id, customer_id, store_id, purchased_at, business_date,
                                                              channel, total)
                                        values (:shop, :customer, :store, :at, :day, 'STORE', 3000) returning id""")
                                .param("shop", shop).param("at", OffsetDateTime.now()).param("customer", customer)
                                .param("store", store).param("day", day)
                                .query(Long.class).single();
                        db.sql("""
                                        insert into purchase_line (tenant_id, purchase_id, product_id, quantity, unit_price,
                                                                   discount, amount)
                                        select :shop, :id, p, 1, 1000, 0, 1000 from unnest(:products) p""")
                                .param("shop", shop).param("id", id).param("products", lines).update();
                        return db.sql("""
                                        with next as (
                                            update store_receipt_counter k set last_number = k.last_number + 1
                                             where k.tenant_id = :shop and k.store_id = :store returning last_number)
                                        update purchase p set receipt_number = (select last_number from next)
                                         where p.tenant_id = :shop and p.id = :id""")
                                .param("shop", shop).param("store", store).param("id", id).update();
                    });
                    sales++;
                }
                return sales;
            }));
        }
        int sales = 0;
        for (Future<Integer> writer : writers) {
            sales += writer.get();
        }
        pool.shutdown();
        return sales / ((System.nanoTime() - started) / 1e9);
    }

    private static double percentile(List<Double> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static String toHiragana(String katakana) {
        StringBuilder text = new StringBuilder();
        katakana.codePoints().forEach(c -> text.appendCodePoint(c >= 'ァ' && c <= 'ヶ' ? c - ('ア' - 'あ') : c));
        return text.toString();
    }
}
