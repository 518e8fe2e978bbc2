package jp.joren.system;

import java.beans.PropertyDescriptor;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.CounterFixtures;
import jp.joren.support.CounterFixtures.Kitchen;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.WebSession;
import jp.joren.tenancy.CurrentTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page and form of Joren, fed what no person types but an attacker or a broken client sends: NUL bytes,
 * overlong text, numbers past every integer type, years ±999,999,999, indexes far past a form's lines. Each
 * must answer with a page or a message, never a server error. The handlers and their parameters are read from
 * the application itself, so a new page is covered the day it is added.
 */
@JorenIntegrationTest
class MalformedInputTest {

    private static final List<String> MALFORMED = List.of(
            "\u0000", "a\u0000b", "x".repeat(20_000), "2147483647", "2147483648", "-9223372036854775809",
            "99999999999999999999", "+999999999-12-31", "-999999999-01-01T00:00", "0000-00-00", "NaN", "%zz", "[]");

    /** Parameters a client can add to any form: a line far past the form's, nested and indexed names. */
    private static final List<String> EXTRA_PARAMETERS = List.of("lines[300].code", "lines[0].quantity", "page",
            "cell", "cohort", "customerId", "segment", "percent");

    /** What ends or leaves the session: the test must stay logged in to reach everything else. */
    private static final Set<String> SKIPPED = Set.of("/logout", "/login");

    @LocalServerPort
    int port;

    @Autowired
    ShopFixtures shops;

    @Autowired
    CounterFixtures counter;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void noPageOrFormAnswersAServerErrorToMalformedInput() {
        TestShop shop = shops.newShop("壊れた入力の店");
        Kitchen kitchen = counter.kitchen(shop);
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        long customer = CurrentTenant.callAs(shop.tenantId(), () -> transaction.execute(status -> jdbc.sql(
                "insert into customer (tenant_id, name) values (app_current_tenant(), '入力 試験') returning id")
                .query(Long.class).single()));
        String slug = CurrentTenant.callAs(shop.tenantId(), () -> transaction.execute(status -> jdbc.sql(
                "select slug from shop").query(String.class).single()));
        String csrf = owner.csrfToken("/customers/new");
        Map<String, String> pathValues = Map.of("id", Long.toString(customer), "customerId", Long.toString(customer),
                "storeId", Long.toString(kitchen.storeId()), "productId", Long.toString(kitchen.cookerId()),
                "modelId", Long.toString(kitchen.cookerModelId()), "slug", slug);

        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (SKIPPED.contains(pattern) || pattern.startsWith("/error")) {
                    continue;
                }
                String path = pathWith(pattern, pathValues);
                Set<String> parameters = parametersOf(mapping.getValue());
                for (String value : MALFORMED) {
                    for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                        WebSession.Page page = switch (method) {
                            case GET -> owner.get(path + "?" + encoded(parameters, value));
                            case POST -> owner.send(HttpRequest.newBuilder(java.net.URI.create(owner.url(path)))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            encoded(parameters, value) + "&_csrf=" + encode(csrf))));
                            default -> null;
                        };
                        if (page == null) {
                            continue;
                        }
                        requests++;
                        if (page.status() >= 500 || page.body().contains("Exception")) {
                            failures.add(method + " " + pattern + " with " + printable(value) + " → " + page.status());
                        }
                    }
                }
            }
        }
        assertThat(requests).as("requests sent").isGreaterThan(500);
        assertThat(failures).isEmpty();
    }

    @Test
    void theInputsFoundUnderAttackEachGetAPageOrAMessage() {
        TestShop shop = shops.newShop("攻撃された店");
        counter.kitchen(shop);
        TestShop other = shops.newShop("よその店");
        long foreignModel = counter.kitchen(other).cookerModelId();
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());

        for (String list : List.of("audience=CELL&cell=BOGUS-ACTIVE", "audience=CELL&cell=LOYAL", "audience=MONTH_CELL&cell=LOYAL-ACTIVE",
                "audience=MOVED&cell=LOYAL-ACTIVE", "audience=COHORT", "audience=NOPE", "")) {
            WebSession.Page page = owner.get("/dashboard/customers?" + list);
            assertThat(page.status()).as(list).isBetween(200, 499);
        }
        assertThat(owner.get("/dashboard/customers?audience=CELL&cell=BOGUS-ACTIVE").text())
                .contains("入力内容を読み取れませんでした");
        assertThat(owner.get("/audit?page=2147483647").status()).isEqualTo(200);
        assertThat(owner.get("/reminders/campaigns?year=999999999").status()).isEqualTo(200);

        WebSession.Page campaign = owner.submit("/reminders/campaigns/new", "form.campaign-form", Map.ofEntries(
                Map.entry("name", "半額以上"), Map.entry("kind", "SEGMENT"), Map.entry("scheduledOn", "2030-01-10"),
                Map.entry("subject", "件名"), Map.entry("body", "本文"), Map.entry("holdoutPercent", "0"),
                Map.entry("offer", "true"), Map.entry("couponKind", "PERCENT"), Map.entry("couponValue", "150"),
                Map.entry("segment", "NOT_A_SEGMENT"), Map.entry("modelId", Long.toString(foreignModel))));
        assertThat(campaign.status()).isEqualTo(200);
        assertThat(campaign.document().select(".error").text()).contains("この区分はありません")
                .contains("この製品（型番）は登録されていません");

        WebSession.Page language = owner.send(HttpRequest.newBuilder(java.net.URI.create(owner.url("/language")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Referer", "http://[broken")
                .POST(HttpRequest.BodyPublishers.ofString("lang=en&_csrf=" + encode(owner.csrfToken("/customers/new")))));
        assertThat(language.status()).isEqualTo(302);
        assertThat(language.path()).isEqualTo("/");

        WebSession.Page notMultipart = owner.post("/imports", Map.of("_csrf", owner.csrfToken("/imports"), "kind", "CUSTOMERS"));
        assertThat(notMultipart.status()).isBetween(200, 499);
    }

    /** The names a handler reads: its request parameters and the properties of its form objects. */    /** The names a handler reads: its request parameters and the properties of its form objects. */
    private static Set<String> parametersOf(HandlerMethod handler) {
        Set<String> names = new LinkedHashSet<>(EXTRA_PARAMETERS);
        for (MethodParameter parameter : handler.getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            if (requestParam != null) {
                String name = !requestParam.name().isEmpty() ? requestParam.name() : requestParam.value();
                names.add(name.isEmpty() ? parameter.getParameterName() : name);
            } else if (!parameter.hasParameterAnnotation(PathVariable.class)
                    && !parameter.hasParameterAnnotation(AuthenticationPrincipal.class)
                    && !BeanUtils.isSimpleProperty(type) && type.getName().startsWith("jp.joren")) {
                for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
                    if (property.getWriteMethod() != null) {
                        names.add(property.getName());
                    }
                }
            } else if (BeanUtils.isSimpleProperty(type) && !parameter.hasParameterAnnotation(PathVariable.class)
                    && !Model.class.isAssignableFrom(type) && !BindingResult.class.isAssignableFrom(type)
                    && parameter.getParameterName() != null) {
                names.add(parameter.getParameterName());
            }
        }
        return names;
    }

    private static String pathWith(String pattern, Map<String, String> values) {
        String path = pattern;
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        // any other variable (a token, a job's id) gets a value that names nothing
        return path.replaceAll("\\{[^}]+}", "1").replace("/**", "");
    }

    private static String encoded(Set<String> names, String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        names.forEach(name -> fields.put(name, value));
        return fields.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String printable(String value) {
        return value.length() > 30 ? value.substring(0, 10) + "…(" + value.length() + ")" : value.replace("\u0000", "\\0");
    }
}
