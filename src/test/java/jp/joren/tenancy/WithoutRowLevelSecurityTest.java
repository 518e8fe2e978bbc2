package jp.joren.tenancy;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;
import jp.joren.accounts.Account;
import jp.joren.nightly.ShopNightlyRun;
import jp.joren.reminders.outbox.OutboxSender;
import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.shops.Stores;
import jp.joren.support.CounterFixtures;
import jp.joren.support.CounterFixtures.Kitchen;
import jp.joren.support.TestDatabase;
import jp.joren.support.TestDatabaseInitializer;
import jp.joren.support.WebSession;
import jp.joren.support.WithoutRowLevelSecurity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statement names its shop by itself: the application runs as a role that row-level security does not
 * filter (BYPASSRLS), as on a database whose policies were lost. Shop A uses every feature; then shop B, through
 * the application alone — its repositories and JPQL, every page and every form of every feature given shop A's
 * ids, its night and its sending — sees nothing of shop A and changes none of shop A's rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {TestDatabaseInitializer.class, WithoutRowLevelSecurity.class})
class WithoutRowLevelSecurityTest {

    /** Paths that are public by design (a shop's sign-up page, an unsubscribe link, a webhook) or end the session. */
    private static final List<String> NOT_A_SHOPS_PAGE = List.of("/join/", "/u/", "/line/webhook", "/logout",
            "/postal-codes/", "/error", "/static/", "/login", "/password-reset", "/invitation");

    /** The guard would refuse a BYPASSRLS role; this test wants exactly that role. */
    @MockitoBean
    RowLevelSecurityGuard guard;

    @LocalServerPort
    int port;

    @Autowired
    ShopFixtures shops;

    @Autowired
    CounterFixtures counter;

    @Autowired
    ShopNightlyRun nights;

    @Autowired
    OutboxSender sender;

    @Autowired
    Stores stores;

    @Autowired
    EntityManager entityManager;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Test
    void shopBReachesNothingOfShopAThroughTheApplicationWhenNoPolicyFiltersARow() throws Exception {
        assertThat(jdbc.sql("select rolbypassrls from pg_roles where rolname = current_user").query(Boolean.class)
                .single()).as("the application's role bypasses row-level security").isTrue();
        TestShop shopA = shops.newShop("A 台所");
        Kitchen kitchen = counter.kitchen(shopA);
        new ShopAtWork(port, nights).useEveryFeature(shopA, kitchen);
        TestShop shopB = shops.newShop("B 魚屋");
        Set<Long> idsOfA = idsOf(shopA);
        Map<String, String> rowsOfA = fingerprint(shopA);

        WebSession ownerB = new WebSession(port);
        ownerB.logIn(shopB.ownerEmail(), shopB.password());
        List<String> leaks = new ArrayList<>();
        for (String path : paths(RequestMethod.GET)) {
            for (String concrete : withIds(path, idsOf(shopA))) {
                WebSession.Page page = ownerB.get(concrete);
                if (page.status() >= 500 || page.body().contains(ShopAtWork.MARKED_NAME)) {
                    leaks.add("GET " + concrete + " → " + page.status());
                }
            }
        }
        String csrf = ownerB.csrfToken("/customers/new");
        for (String path : paths(RequestMethod.POST)) {
            if (path.contains("{")) {
                for (String concrete : withIds(path, idsOfA)) {
                    WebSession.Page answer = ownerB.post(concrete, Map.of("_csrf", csrf));
                    if (answer.status() >= 500 || answer.body().contains(ShopAtWork.MARKED_NAME)) {
                        leaks.add("POST " + concrete + " → " + answer.status());
                    }
                }
            }
        }
        nights.run(shopB.tenantId(), LocalDate.of(2026, 6, 10));
        CurrentTenant.runAs(shopB.tenantId(), sender::sendDue);

        assertThat(leaks).as("pages and forms of shop B that failed or showed shop A's customers").isEmpty();
        assertThat(asShopB(shopB, () -> stores.findAll())).extracting(s -> s.getTenantId())
                .containsOnly(shopB.tenantId());
        long ownerOfA = ownerOf(shopA);
        assertThat(asShopB(shopB, () -> entityManager.find(Account.class, ownerOfA))).isNull();
        assertThat(asShopB(shopB, () -> entityManager.createQuery("select a from Account a", Account.class)
                .getResultList())).extracting(Account::getTenantId).containsOnly(shopB.tenantId());
        assertThat(fingerprint(shopA)).as("shop A's rows, table by table, after shop B's work")
                .containsExactlyInAnyOrderEntriesOf(rowsOfA);
    }

    private <T> T asShopB(TestShop shopB, java.util.function.Supplier<T> work) {
        return CurrentTenant.callAs(shopB.tenantId(), () -> transaction.execute(status -> work.get()));
    }

    /** Every GET or POST path of the application that belongs to a signed-in shop. */
    private List<String> paths(RequestMethod method) {
        Set<String> paths = new TreeSet<>();
        for (RequestMappingInfo info : handlers.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(method) || methods.isEmpty() && method != RequestMethod.GET) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                if (NOT_A_SHOPS_PAGE.stream().noneMatch(pattern::startsWith)) {
                    paths.add(pattern);
                }
            }
        }
        assertThat(paths).as("the application's " + method + " paths").hasSizeGreaterThan(10);
        return new ArrayList<>(paths);
    }

    /** The path as it is, or with each of shop A's row ids for its variables ({id}, {partId}, {rule}…). */
    private static List<String> withIds(String path, Set<Long> ids) {
        if (!path.contains("{")) {
            return List.of(path);
        }
        List<String> concrete = new ArrayList<>();
        for (Long id : ids) {
            concrete.add(path.replaceAll("\\{[^}]+}", id.toString()));
        }
        return concrete;
    }

    /** The id of every row shop A has, in any of its tables: what a curious shop B would try. */
    private Set<Long> idsOf(TestShop shopA) throws Exception {
        Set<Long> ids = new TreeSet<>();
        try (Connection owner = TestDatabase.get().ownerConnection()) {
            JdbcClient asOwner = JdbcClient.create(new SingleConnectionDataSource(owner, true));
            for (String table : shopTables(asOwner, true)) {
                ids.addAll(asOwner.sql("select id from " + table + " where tenant_id = ? order by id desc limit 3")
                        .param(shopA.tenantId()).query(Long.class).list());
            }
        }
        return ids;
    }

    private long ownerOf(TestShop shop) throws Exception {
        try (Connection owner = TestDatabase.get().ownerConnection()) {
            return JdbcClient.create(new SingleConnectionDataSource(owner, true))
                    .sql("select min(id) from account where tenant_id = ?").param(shop.tenantId()).query(Long.class)
                    .single();
        }
    }

    /** Each shop table's rows of the shop, as one digest per table, read past row-level security as its owner. */
    private static Map<String, String> fingerprint(TestShop shop) throws Exception {
        Map<String, String> digests = new LinkedHashMap<>();
        try (Connection owner = TestDatabase.get().ownerConnection()) {
            JdbcClient asOwner = JdbcClient.create(new SingleConnectionDataSource(owner, true));
            for (String table : shopTables(asOwner, false)) {
                digests.put(table, asOwner.sql("select coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                        + " from " + table + " t where tenant_id = ?").param(shop.tenantId()).query(String.class).single());
            }
        }
        assertThat(digests.values()).as("shop A has rows to protect").anyMatch(digest -> !digest.isEmpty());
        return digests;
    }

    /** The shop tables (those with a tenant_id); with {@code withId}, only those whose rows have a bigint id. */
    private static List<String> shopTables(JdbcClient asOwner, boolean withId) {
        return asOwner.sql("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relkind = 'r'
                   and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')
                   and (not :withId or exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'id'
                                                and a.atttypid = 'bigint'::regtype))
                 order by 1""").param("withId", withId).query(String.class).list();
    }
}
