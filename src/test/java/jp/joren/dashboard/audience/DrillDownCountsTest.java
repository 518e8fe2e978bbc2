package jp.joren.dashboard.audience;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jp.joren.customers.CustomerList;
import jp.joren.demo.DemoShopGenerator;
import jp.joren.demo.DemoShopSpec;
import jp.joren.nightly.ShopNightlyRun;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.WebSession;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner of a demo shop, after its night, clicks every number of the dashboard (and of its page of every town)
 * that opens a list of customers, for the last month, a quarter, a year and the month so far: each list counts as
 * many customers as the number said, and holds that many rows across its pages.
 */
@JorenIntegrationTest
class DrillDownCountsTest {

    private static final String PASSWORD = "joren-demo-2026";
    /** "12", "1,234", "12人", "前の期間 12人", "（累計額の上位10%は 3人）": the count is the one before 人. */
    private static final Pattern COUNT = Pattern.compile("^([\\d,]+)$|([\\d,]+)人");

    private static final String RUNNING_MONTH = "this month so far";

    @LocalServerPort
    int port;

    @Autowired
    DemoShopGenerator generator;

    @Autowired
    ShopNightlyRun nights;

    /** One number on a page that links to a list of customers. */
    record Figure(String period, String name, String href, long count) {
    }

    @TestFactory
    Stream<DynamicTest> everyNumberOpensAListOfThatManyCustomers() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        String ownerEmail = "drill-" + System.nanoTime() + "@test.joren.jp";
        long tenantId = generator.generate(new DemoShopSpec(11, 600, today, ownerEmail, PASSWORD, "かなもの屋 さくら"));
        assertThat(nights.run(tenantId, today)).isTrue();
        WebSession owner = new WebSession(port);
        owner.logIn(ownerEmail, PASSWORD);

        Map<String, String> periods = new LinkedHashMap<>();
        periods.put("the last month (as the dashboard opens)", "/dashboard");
        periods.put("the quarter before", "/dashboard?period=QUARTER&at=" + today.minusMonths(3));
        periods.put("the last year", "/dashboard?period=YEAR&at=" + today.minusYears(1));
        if (today.getDayOfMonth() > 1) {
            periods.put(RUNNING_MONTH, "/dashboard?period=MONTH&at=" + today);
        }

        // one check for each distinct list and number; the same list behind the same number is opened once
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (Map.Entry<String, String> period : periods.entrySet()) {
            WebSession.Page dashboard = owner.get(period.getValue());
            assertThat(dashboard.status()).as(period.getValue()).isEqualTo(200);
            Document page = dashboard.document();
            assertThat(page.select("#period-label").text()).as("the period of %s", period.getValue()).isNotEmpty();
            collect(period.getKey(), page, figures);
            Element allTowns = page.selectFirst("#all-towns");
            // the page of every town (hundreds of them) is read for the period the dashboard opens on
            if (allTowns != null && period.getValue().equals("/dashboard")) {
                collect(period.getKey() + ", every town", owner.get(allTowns.attr("href")).document(), figures);
            }
        }

        List<DynamicTest> checks = new ArrayList<>();
        checks.add(DynamicTest.dynamicTest("the dashboard links at least 20 numbers to lists, most of them not zero", () -> {
            assertThat(figures.values().stream().map(f -> kindOf(f.href())).distinct())
                    .as("kinds of list").hasSizeGreaterThanOrEqualTo(20);
            assertThat(figures).hasSizeGreaterThanOrEqualTo(60);
            assertThat(figures.values().stream().filter(f -> f.count() > 0).count())
                    .as("numbers that are not zero").isGreaterThan(figures.size() / 2);
        }));
        for (Figure figure : figures.values()) {
            checks.add(DynamicTest.dynamicTest(figure.period() + ": " + figure.name() + " = " + figure.count() + " → "
                    + figure.href(), () -> assertListCounts(owner, figure)));
        }
        return checks.stream();
    }

    private static void assertListCounts(WebSession owner, Figure figure) {
        String context = "the number " + figure.count() + " of «" + figure.name() + "» (" + figure.period()
                + ") opens " + figure.href();
        WebSession.Page list = owner.get(figure.href());
        assertThat(list.status()).as(context).isEqualTo(200);
        Document document = list.document();
        if (figure.href().startsWith("/customers?")) {
            // the owner's customer list, filtered
            long total = count(document, "#customer-count", context);
            assertThat(total).as(context + ", which says it holds").isEqualTo(figure.count());
            assertThat(document.select("tr.customer-row")).as(context + ", rows on its first page")
                    .hasSize((int) Math.min(total, CustomerList.PAGE_SIZE));
        } else {
            long total = count(document, "#audience-count", context);
            assertThat(total).as(context + ", which says it holds").isEqualTo(figure.count());
            assertThat(document.select("tr.audience-member")).as(context + ", rows on its first page")
                    .hasSize((int) Math.min(total, AudienceMembers.PAGE_SIZE));
            if (total > AudienceMembers.PAGE_SIZE) {
                // its last page holds the rest
                long last = (total - 1) / AudienceMembers.PAGE_SIZE;
                Document lastPage = owner.get(figure.href() + "&page=" + last).document();
                assertThat(lastPage.select("tr.audience-member")).as(context + ", rows on its last page")
                        .hasSize((int) (total - last * AudienceMembers.PAGE_SIZE));
            }
        }
    }

    /** Every link to a list of customers whose text (or title) is a count of customers. */
    private static void collect(String period, Document page, Map<String, Figure> figures) {
        for (Element link : page.select("main a[href^=/dashboard/customers?], main a[href^=/customers?]")) {
            Long count = countIn(link.text());
            if (count == null) {
                count = countIn(link.attr("title"));   // a cohort's rate, whose title is its count
            }
            if (count == null) {
                continue;   // the name of a cell, a town or "worth a call": the number beside it links to the same list
            }
            String href = link.attr("href");
            figures.putIfAbsent(href + "#" + count, new Figure(period, nameOf(link), href, count));
        }
    }

    private static Long countIn(String text) {
        Matcher matcher = COUNT.matcher(text.trim());
        String found = null;
        while (matcher.find()) {
            found = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        }
        return found == null ? null : Long.parseLong(found.replace(",", ""));
    }

    private static long count(Document list, String selector, String context) {
        String text = list.select(selector).text();
        Long count = countIn(text);
        assertThat(count).as(context + ": the count " + selector + " of the list (\"" + text + "\")").isNotNull();
        return count;
    }

    /** Where the number stands, as the owner reads it: its section, its row and column, and its text. */
    private static String nameOf(Element link) {
        List<String> parts = new ArrayList<>();
        Element table = link.closest("table");
        Element section = link.parent().closest("[id]");
        if (section != null && section != table && !section.id().isEmpty()) {
            parts.add("#" + section.id());
        }
        if (table != null) {
            Element heading = null;
            for (Element block = table; heading == null && block != null && !block.is("main"); block = block.parent()) {
                heading = block.previousElementSibling();
                while (heading != null && !heading.is("h2, h3")) {
                    heading = heading.previousElementSibling();
                }
            }
            if (table.id().isEmpty() && heading != null) {
                parts.add(heading.text());
            } else if (!table.id().isEmpty()) {
                parts.add("#" + table.id());
            }
            Element row = link.closest("tr");
            Element cell = link.closest("td");
            if (row != null && row.child(0) != cell) {
                parts.add(row.child(0).text());
            }
            if (cell != null) {
                Element head = table.selectFirst("thead tr");
                int column = cell.elementSiblingIndex();
                if (head != null && column < head.childrenSize()) {
                    parts.add(head.child(column).text());
                }
            }
        }
        parts.add("“" + link.text() + "”");
        return String.join(" / ", parts);
    }

    /** The list without its period: the same audience of another period is the same kind of list. */
    private static String kindOf(String href) {
        return href.replaceAll("[&?](period|at|from|to|month)=[^&]*", "");
    }
}
