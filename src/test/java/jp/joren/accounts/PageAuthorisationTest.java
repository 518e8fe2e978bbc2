package jp.joren.accounts;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jp.joren.shops.ShopFixtures;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page is the owner's ({@link OwnerOnly}) unless it is in one of the two reviewed lists below, so a new
 * owner's page that forgets the annotation turns the build red instead of opening to the counter.
 */
@JorenIntegrationTest
class PageAuthorisationTest {

    /** Pages anyone opens, logged in or not: the way in, a customer's own links, LINE's calls, the error page. */
    private static final Set<String> PUBLIC = Set.of("LoginController", "SignupController", "PasswordResetController",
            "InvitationController", "JoinController", "UnsubscribeController", "TestUnsubscribeController",
            "LineWebhookController", "CouponQrController", "PostalCodeController", "BasicErrorController");

    /** Pages every member of staff opens at the counter: a whole controller, or one handler of a mixed one. */
    private static final Set<String> COUNTER = Set.of("HomeController", "LanguageController", "PurchaseController",
            "PurchaseCorrectionController", "CustomerPickerController",
            "CounterLookups", "CustomerController", "CustomerSearchController", "CustomerPageController",
            "OwnedProductController", "CustomerListController#list", "CustomerMessagesController",
            "LineLinkController", "TodayController");

    /** What an owner's page needs in its address to be read at all: the dashboard's drill-down, its audience. */
    private static final Map<String, String> QUERIES = Map.of(
            "/dashboard/customers", "?audience=NOT_SEEN_TWO_TO_THREE_MONTHS",
            "/dashboard/customers.csv", "?audience=NOT_SEEN_TWO_TO_THREE_MONTHS");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Autowired
    ShopFixtures shops;

    @LocalServerPort
    int port;

    @Test
    void everyPageIsTheOwnersUnlessReviewedAsPublicOrForTheCounter() {
        Set<String> unreviewed = new TreeSet<>();
        handlers.getHandlerMethods().forEach((mapping, handler) -> {
            if (!ownerOnly(handler) && !reviewed(handler)) {
                unreviewed.add(name(handler) + " " + mapping.getPatternValues());
            }
        });
        assertThat(unreviewed)
                .as("Handlers neither @OwnerOnly nor in this test's PUBLIC or COUNTER list; annotate the owner's")
                .isEmpty();
    }

    @Test
    void theReviewedListsNameOnlyHandlersThatExistAndAreOpen() {
        Set<String> open = handlers.getHandlerMethods().values().stream().filter(handler -> !ownerOnly(handler))
                .flatMap(handler -> List.of(handler.getBeanType().getSimpleName(), name(handler)).stream())
                .collect(Collectors.toSet());
        assertThat(open).containsAll(PUBLIC).containsAll(COUNTER);
    }

    @Test
    void aClerkGetsThe403PageOnEveryOwnersPageAndTheOwnerOpensIt() {
        ShopFixtures.TestShop shop = shops.newShop("ことり文具店");
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        WebSession clerk = owner.newClerk("店員 三郎");

        List<String> ownersPages = ownersPagesWithoutParameters();
        assertThat(ownersPages).contains("/settings", "/staff", "/catalog", "/imports", "/exports/products.csv",
                "/audit", "/customers/export", "/customers/merges", "/dashboard", "/runs", "/reminders");
        for (String path : ownersPages) {
            String page = path + QUERIES.getOrDefault(path, "");
            WebSession.Page refused = clerk.get(page);
            assertThat(refused.status()).as(page).isEqualTo(403);
            assertThat(refused.document().title()).as(page).isEqualTo("このページを開く権限がありません");
            assertThat(owner.get(page).status()).as(page).isEqualTo(200);
        }
    }

    @Test
    void aClerksPostToAnOwnersPageIsRefusedAndChangesNothing() {
        ShopFixtures.TestShop shop = shops.newShop("ことり文具店");
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        WebSession clerk = owner.newClerk("店員 四郎");

        WebSession.Page refused = clerk.post("/catalog/categories",
                Map.of("_csrf", clerk.csrfToken("/customers"), "name", "店員の分類"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("このページはお店のオーナーだけが使えます。");
        assertThat(owner.get("/catalog/categories").text()).doesNotContain("店員の分類");
    }

    /**
     * The owner's pages a plain GET opens: no path variable or required parameter to make up (a request
     * without one is refused as unreadable before anyone's role is asked).
     */
    private List<String> ownersPagesWithoutParameters() {
        return handlers.getHandlerMethods().entrySet().stream()
                .filter(entry -> ownerOnly(entry.getValue()) && !needsParameters(entry.getValue()))
                .map(Map.Entry::getKey)
                .filter(PageAuthorisationTest::opensWithGet)
                .flatMap(mapping -> mapping.getPatternValues().stream())
                .filter(pattern -> !pattern.contains("{"))
                .sorted().toList();
    }

    private static boolean opensWithGet(RequestMappingInfo mapping) {
        Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
        return methods.contains(RequestMethod.GET) && mapping.getParamsCondition().getExpressions().isEmpty();
    }

    private static boolean needsParameters(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters())
                .map(parameter -> parameter.getParameterAnnotation(RequestParam.class))
                .anyMatch(param -> param != null && param.required() && ValueConstants.DEFAULT_NONE.equals(param.defaultValue()));
    }

    private static boolean ownerOnly(HandlerMethod handler) {
        return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), OwnerOnly.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), OwnerOnly.class);
    }

    private static boolean reviewed(HandlerMethod handler) {
        String controller = handler.getBeanType().getSimpleName();
        return PUBLIC.contains(controller) || COUNTER.contains(controller) || COUNTER.contains(name(handler));
    }

    private static String name(HandlerMethod handler) {
        return handler.getBeanType().getSimpleName() + "#" + handler.getMethod().getName();
    }
}
