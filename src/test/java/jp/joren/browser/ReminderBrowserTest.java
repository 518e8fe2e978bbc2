package jp.joren.browser;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jp.joren.demo.DemoShopGenerator;
import jp.joren.demo.DemoShopSpec;
import jp.joren.nightly.ShopNightlyRun;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.ShopWork;
import jp.joren.support.TestMailbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner of the demo shop turns the part-replacement reminder on, runs the night, sees its first batch
 * wait for approval, sends a test to themself and approves it, reads why each message is or is not going
 * out, previews one and sends; the customer's email names the part number, the customer
 * unsubscribes from its link, and the next night sends them nothing.
 */
@JorenIntegrationTest
class ReminderBrowserTest extends BrowserJourney {

    private static final String PASSWORD = "joren-demo-2026";

    @LocalServerPort
    int port;
    @Autowired
    DemoShopGenerator generator;
    @Autowired
    ShopNightlyRun nights;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ShopWork shopWork;

    String ownerEmail;
    long tenantId;
    LocalDate today;

    @BeforeEach
    void aDemoShop() throws Exception {
        today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        ownerEmail = "reminders-" + System.nanoTime() + "@test.joren.jp";
        tenantId = generator.generate(new DemoShopSpec(11, 600, today, ownerEmail, PASSWORD, "かなもの屋 つばめ"));
        openBrowser();
    }

    @Test
    void theOwnerSendsPartRemindersAndACustomerUnsubscribesFromTheEmail() {
        browser.get(url("/login"));
        browser.findElement(By.id("email")).sendKeys(ownerEmail);
        browser.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.urlMatches("/home$"));

        browser.findElement(By.linkText("お知らせ")).click();
        browser.findElement(By.linkText("消耗部品の交換")).click();
        browser.findElement(By.id("rule-enabled")).click();
        browser.findElement(By.id("save-rule")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("p.notice"), "保存しました。"));

        assertThat(browser.findElement(By.id("starts-from")).getText()).contains("さかのぼって送りません");
        // as if the owner had turned it on two months ago and never approved a night: a shop of 600 has few
        // parts due on exactly one day, and the first batch waits whatever its size
        shopWork.inShop(tenantId, () -> jdbc.sql("update reminder_rule set active_from = active_from - 60 where rule = 'PART_REPLACEMENT'")
                .update());

        browser.get(url("/runs"));
        browser.findElement(By.id("run-now")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("runs-table"), "完了"));

        // nothing leaves before the owner has seen it: the approval page, a test to the owner, then 送る
        browser.get(url("/reminders/rules/PART_REPLACEMENT"));
        browser.findElement(By.cssSelector("#awaiting-approval a")).click();
        assertThat(shown(By.id("waiting-count")).getText()).contains("承認を待っています");
        assertThat(browser.findElement(By.id("approval-preview-0")).getText()).contains("様", "品番");
        browser.findElement(By.id("test-send")).click();
        assertThat(shown(By.id("test-sent")).getText()).contains(ownerEmail);
        List<Message> tests = TestMailbox.get().to(ownerEmail);
        assertThat(tests).hasSize(1);
        assertThat(fromName(tests.get(0))).isEqualTo(senderName());
        assertThat(shopWork.inShop(tenantId, () -> jdbc.sql("select count(*) from outbox_message where status <> 'AWAITING_APPROVAL' and status <> 'HELD'")
                .query(Long.class).single())).isZero();
        browser.findElement(By.id("approve-batch")).click();
        assertThat(shown(By.id("approved")).getText()).contains("送信待ちにしました");

        browser.get(url("/reminders/outbox?rule=PART_REPLACEMENT"));
        List<WebElement> queued = browser.findElements(By.cssSelector("tr.status-queued"));
        assertThat(queued).isNotEmpty();
        // each message that will not go out says why
        assertThat(browser.findElements(By.cssSelector("tr.status-held td.message-reason")).stream()
                .map(WebElement::getText)).isNotEmpty().allMatch(reason -> reason.startsWith("送信できません")
                        || reason.equals("比較群のため送りません") || reason.equals("配信停止済みです"));
        WebElement emailRow = queued.stream()
                .filter(row -> row.findElements(By.tagName("td")).get(3).getText().equals("メール"))
                .findFirst().orElseThrow();
        String customer = emailRow.findElement(By.tagName("a")).getText();
        emailRow.findElement(By.className("preview-link")).click();
        String address = browser.findElement(By.xpath("//dt[.='宛先']/following-sibling::dd[1]")).getText();
        String partNumber = partNumberIn(shown(By.id("preview-text")).getText());
        assertThat(browser.findElement(By.id("preview-text")).getText()).contains(customer + " 様", "品番 " + partNumber);

        browser.findElement(By.linkText("送信待ちと送信済み")).click();
        browser.findElement(By.id("send-now")).click();
        // sent in the background; the page follows it until the pass is done
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("delivery"))).getText())
                .startsWith("送信 ").doesNotStartWith("送信 0 件");

        List<Message> received = TestMailbox.get().to(address);
        assertThat(received).hasSize(1);
        assertThat(fromName(received.get(0))).isEqualTo(senderName());
        String text = text((MimeMessage) received.get(0));
        assertThat(text).contains("品番 " + partNumber);
        String link = text.lines().filter(line -> line.contains("/u/")).findFirst().orElseThrow().strip();
        browser.get(link.replaceFirst("^https?://[^/]+", "http://localhost:" + port));
        browser.findElement(By.id("unsubscribe")).click();
        assertThat(shown(By.id("unsubscribe-result")).getText()).contains("停止しました");

        // the customer buys another cooker elsewhere, long ago: the next night has a new part for them
        shopWork.inShop(tenantId, () -> jdbc.sql("""
                        insert into owned_product (tenant_id, customer_id, product_model_id, purchased_on, source)
                        select app_current_tenant(), customer_id, product_model_id, purchased_on - 1, 'STAFF'
                          from owned_product o where o.customer_id = (select c.id from customer c where c.tenant_id = app_current_tenant() and c.email = ?)
                           and o.tenant_id = app_current_tenant() limit 1
                        on conflict do nothing""")
                .param(address).update());
        assertThat(nights.run(tenantId, today.plusDays(1))).isTrue();
        browser.get(url("/reminders/outbox?rule=PART_REPLACEMENT"));
        browser.findElement(By.id("send-now")).click();

        assertThat(TestMailbox.get().to(address)).hasSize(1);
        // the new reminder is there, but not by email: by post when they agreed to post, else not at all
        assertThat(shopWork.inShop(tenantId, () -> jdbc.sql("""
                        select count(*) > 1 and count(*) filter (where m.channel = 'EMAIL') = 1
                               and count(*) filter (where m.status = 'SENT') = 1
                          from outbox_message m join customer c on c.tenant_id = m.tenant_id and c.id = m.customer_id where c.email = ?""")
                .param(address).query(Boolean.class).single())).isTrue();
        passed = true;
    }

    private static String fromName(Message email) {
        try {
            return ((jakarta.mail.internet.InternetAddress) email.getFrom()[0]).getPersonal();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The name the shop signs with: its sender name, else its own name. */
    private String senderName() {
        return shopWork.inShop(tenantId, () -> jdbc.sql("select coalesce(nullif(sender_name, ''), name) from shop").query(String.class).single());
    }

    private static String partNumberIn(String preview) {
        int at = preview.indexOf("品番 ");
        assertThat(at).isNotNegative();
        return preview.substring(at + 3).split("[、）\\s]")[0];
    }

    private static String text(MimeMessage email) {
        try {
            jakarta.mail.Multipart mixed = (jakarta.mail.Multipart) email.getContent();
            return textOf(mixed);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String textOf(jakarta.mail.Multipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            jakarta.mail.BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return part.getContent().toString();
            }
            if (part.isMimeType("multipart/*")) {
                String found = textOf((jakarta.mail.Multipart) part.getContent());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
