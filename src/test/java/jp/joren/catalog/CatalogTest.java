package jp.joren.catalog;

import java.util.List;
import java.util.Map;

import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.ShopWork;
import jp.joren.support.WebSession;
import jp.joren.tenancy.CurrentTenant;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The owner builds the catalog: categories, products, a pressure-cooker model and the gasket that fits two models. */
@JorenIntegrationTest
class CatalogTest {

    @LocalServerPort
    int port;

    @Autowired
    ShopFixtures shops;

    @Autowired
    CatalogQueries queries;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ShopWork shopWork;

    @Autowired
    JdbcClient jdbc;

    TestShop shop;
    WebSession owner;

    @BeforeEach
    void anOwner() {
        shop = shops.newShop("商品の店");
        owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
    }

    @Test
    void theOwnerAddsAModelAndAPartThatFitsTwoModels() {
        owner.submit("/catalog/categories", "form[action=/catalog/categories]", Map.of("name", "圧力鍋"));
        String category = owner.get("/catalog/categories").document().selectFirst("tr.category-row form").attr("action")
                .replaceAll("\\D", "");
        String cooker = productPath(createProduct(Map.of("code", "PC-4L", "name", "圧力鍋 4L", "price", "１９，８００",
                "categoryId", category)));
        String smaller = productPath(createProduct(Map.of("code", "PC-3L", "name", "圧力鍋 3L", "price", "¥16,500")));
        owner.submit(cooker, "form[action$=/model]", Map.of("modelNumber", "PC-4L"));
        owner.submit(smaller, "form[action$=/model]", Map.of("modelNumber", "PC-3L"));

        owner.submit(cooker, "form.part-form", Map.of("partNumber", "GK-01", "name", "パッキン", "price", "1,320",
                "intervalDays", "730", "leadDays", "30"));
        owner.submit(smaller, "form[action$=/parts/attach]", Map.of("partNumber", "gk-01"));

        Element part = owner.open(smaller).document().selectFirst("tr.part-row");
        assertThat(part.text()).contains("GK-01").contains("パッキン").contains("¥1,320").contains("2製品");
        assertThat(owner.get("/catalog").document().select("tr.product-row").text())
                .contains("PC-4L").contains("¥19,800").contains("製品 型番 PC-4L").contains("消耗部品");
        var parts = CurrentTenant.callAs(shop.tenantId(), () -> transaction.execute(status -> {
            long model = queries.byCode("PC-3L").orElseThrow().modelId();
            return queries.partsOfModels(java.util.List.of(model)).get(model);
        }));
        assertThat(parts).singleElement().satisfies(p -> {
            assertThat(p.partNumber()).isEqualTo("GK-01");
            assertThat(p.replacementIntervalDays()).isEqualTo(730);
        });
    }

    @Test
    void aPartsIntervalIsCorrectedAsTypedInEitherWidthAndANonsenseOneChangesNothing() {
        String cooker = productPath(createProduct(Map.of("code", "PC-5L", "name", "圧力鍋 5L", "price", "21000")));
        owner.submit(cooker, "form[action$=/model]", Map.of("modelNumber", "PC-5L"));
        owner.submit(cooker, "form.part-form", Map.of("partNumber", "GK-05", "name", "パッキン 5L", "price", "1,430",
                "intervalDays", "７３０日", "leadDays", ""));

        owner.submit(cooker, "tr.part-row form[action$=/parts/" + partId("GK-05") + "]",
                Map.of("intervalDays", "１０９５", "leadDays", "４５"));
        assertThat(timing("GK-05")).isEqualTo(List.of(1095, 45));

        WebSession.Page refused = owner.submit(cooker, "tr.part-row form[action$=/parts/" + partId("GK-05") + "]",
                Map.of("intervalDays", "三年", "leadDays", "45"));
        assertThat(owner.open(refused.path()).document().select("p.error").text()).isEqualTo("日数は1〜3650の整数で入力してください。");
        assertThat(timing("GK-05")).as("unchanged").isEqualTo(List.of(1095, 45));
    }

    private long partId(String partNumber) {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select id from consumable_part where part_number = ?")
                .param(partNumber).query(Long.class).single());
    }

    private List<Integer> timing(String partNumber) {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql(
                        "select replacement_interval_days, reminder_lead_days from consumable_part where part_number = ?")
                .param(partNumber).query((rs, row) -> List.of(rs.getInt(1), rs.getInt(2))).single());
    }

    @Test
    void mistakesAreShownNextToTheFieldAndWhatWasTypedIsKept() {
        createProduct(Map.of("code", "TW-01", "name", "ふきん", "price", "300"));
        WebSession.Page page = createProduct(Map.of("code", "tw-01", "name", "", "price", "三百円",
                "repurchaseCycleDays", "0"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(errorOf(page, "code")).isEqualTo("この商品コードはすでに使われています。");
        assertThat(errorOf(page, "name")).isEqualTo("入力してください。");
        assertThat(errorOf(page, "price")).startsWith("価格は0円以上の整数");
        assertThat(errorOf(page, "repurchaseCycleDays")).startsWith("日数は1〜3650");
        assertThat(page.document().select("input[name=price]").val()).isEqualTo("三百円");
    }

    @Test
    void aProductSavedMeanwhileIsShownBesideWhatTheSecondWriterTyped() {
        String path = productPath(createProduct(Map.of("code", "KT-9", "name", "銅のやかん", "price", "9800")));
        WebSession other = new WebSession(port);
        other.logIn(shop.ownerEmail(), shop.password());
        String staleVersion = other.get(path).document().selectFirst("form.product-form [name=version]").val();

        assertThat(owner.submit(path, "form.product-form", Map.of("code", "KT-9", "name", "銅のやかん", "price", "10800",
                "active", "true")).status()).isEqualTo(302);
        WebSession.Page conflict = other.post(path, Map.of("_csrf", other.csrfToken(path), "version", staleVersion,
                "code", "KT-9", "name", "銅のやかん 2L", "price", "9800", "active", "true"));

        assertThat(conflict.status()).isEqualTo(200);
        assertThat(conflict.document().select("tr.conflict-row").eachText())
                .anySatisfy(row -> assertThat(row).contains("価格").contains("10800").contains("9800"))
                .anySatisfy(row -> assertThat(row).contains("商品名").contains("銅のやかん 2L"));
        assertThat(conflict.document().select("[name=name]").val()).isEqualTo("銅のやかん 2L");
        assertThat(owner.get(path).document().select("[name=price]").val()).isEqualTo("10800");

        assertThat(other.submit(path, "form.product-form", Map.of("code", "KT-9", "name", "銅のやかん 2L",
                "price", "10800", "active", "true", "version", conflict.document().select("[name=version]").val()))
                .status()).isEqualTo(302);
        assertThat(owner.get(path).document().select("[name=name]").val()).isEqualTo("銅のやかん 2L");
    }

    @Test
    void aProductNoLongerSoldIsNotOfferedAtTheCounter() {
        String path = productPath(createProduct(Map.of("code", "OLD-1", "name", "旧型やかん", "price", "2000")));
        assertThat(CurrentTenant.callAs(shop.tenantId(), () -> queries.search("old", 10))).hasSize(1);
        owner.submit(path, "form.product-form", Map.of("code", "OLD-1", "name", "旧型やかん", "price", "2000"));
        assertThat(CurrentTenant.callAs(shop.tenantId(), () -> queries.search("old", 10))).isEmpty();
        assertThat(owner.get("/catalog").document().select("tr.product-row").text()).contains("販売終了");
    }

    @Test
    void theCounterLookupPutsTheExactCodeFirst() {
        createProduct(Map.of("code", "FL-100", "name", "フィルター大", "price", "900"));
        createProduct(Map.of("code", "FL-1", "name", "フィルター", "price", "500"));
        assertThat(CurrentTenant.callAs(shop.tenantId(), () -> queries.search("fl-1", 10)))
                .extracting(ProductChoice::code).containsExactly("FL-1", "FL-100");
    }

    @Test
    void staffAndOtherShopsCannotTouchTheCatalog() {
        String path = productPath(createProduct(Map.of("code", "X-1", "name", "品", "price", "1")));
        WebSession clerk = owner.newClerk("店員");
        assertThat(clerk.get("/catalog").status()).isEqualTo(403);
        assertThat(clerk.get(path).status()).isEqualTo(403);
        WebSession other = new WebSession(port);
        TestShop otherShop = shops.newShop("よその店");
        other.logIn(otherShop.ownerEmail(), otherShop.password());

        assertThat(other.get(path).status()).isEqualTo(404);
        assertThat(other.post(path, Map.of("_csrf", other.csrfToken("/catalog/products/new"), "code", "HACK",
                "name", "x", "price", "1")).status()).isEqualTo(404);
        assertThat(other.get("/catalog").document().select("tr.product-row")).isEmpty();
    }

    /** Submits the new-product form as a browser would with "on sale" left ticked. */
    private WebSession.Page createProduct(Map<String, String> fields) {
        Map<String, String> ticked = new java.util.HashMap<>(fields);
        ticked.put("active", "true");
        return owner.submit("/catalog/products/new", "form.product-form", ticked);
    }

    private static String productPath(WebSession.Page redirect) {
        assertThat(redirect.status()).as(redirect.document().select(".error").text()).isEqualTo(302);
        return redirect.path();
    }

    private static String errorOf(WebSession.Page page, String field) {
        Element error = page.document().selectFirst(".has-error:has([name=" + field + "]) .error");
        return error == null ? null : error.text();
    }
}
