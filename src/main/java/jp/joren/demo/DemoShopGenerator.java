package jp.joren.demo;

import java.util.Locale;

import jp.joren.accounts.JorenUser;
import jp.joren.shared.TableStatistics;
import jp.joren.shops.NewShop;
import jp.joren.shops.ShopSignup;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates a kitchenware shop with two years of realistic history: catalog with pressure cookers and their
 * parts, customers from its neighbourhood, their consents, purchases and installed base. Deterministic from
 * {@link DemoShopSpec#seed()}; customers and purchases are generated and written in chunks, so a shop of
 * 100,000 customers takes no more memory than one of 5,000.
 */
@Service
@RequiredArgsConstructor
public class DemoShopGenerator {

    private static final String OWNER_NAME = "佐倉 誠";
    private static final int CHUNK = 5_000;
    private static final Logger log = LoggerFactory.getLogger(DemoShopGenerator.class);

    private final ShopSignup signup;
    private final TransactionTemplate transaction;
    private final TeamWriter team;
    private final CatalogWriter catalog;
    private final CustomerWriter customers;
    private final PurchaseWriter purchases;
    private final TableStatistics statistics;

    /**
     * Signs the shop up as its owner would, then writes its history in one transaction of the new shop.
     *
     * @return the new shop's id (its tenant id)
     */
    public long generate(DemoShopSpec spec) {
        JorenUser owner = signup.signUp(new NewShop(spec.shopName(), OWNER_NAME, spec.ownerEmail(),
                spec.ownerPassword(), ShopCalendar.ZONE, Locale.JAPANESE));
        try {
            CurrentTenant.runAs(owner.tenantId(), () -> transaction.executeWithoutResult(status -> fill(spec, owner)));
        } catch (RuntimeException e) {
            log.error("Shop " + owner.tenantId() + " (" + spec.ownerEmail() + ") was created but has no history");
            throw e;
        }
        // a bulk write of Joren's own: its first night and pages are planned with the history's true sizes
        statistics.refreshStale();
        return owner.tenantId();
    }

    /** The login of the generated shop's counter clerk (same password as the owner). */
    public static String staffEmail(String ownerEmail) {
        return TeamWriter.staffEmail(ownerEmail);
    }

    private void fill(DemoShopSpec spec, JorenUser owner) {
        ShopTeam shopTeam = team.write(owner, spec.ownerPassword());
        team.signLetters(spec.shopName(), spec.ownerEmail());
        ShopHistory history = new ShopHistory(spec.seed(), spec.today(), catalog.write());
        for (int done = 0; done < spec.customers(); ) {
            ShopHistory.Chunk chunk = history.next(Math.min(CHUNK, spec.customers() - done));
            long[] customerIds = customers.write(chunk.customers(), shopTeam);
            purchases.write(chunk.receipts(), customerIds, shopTeam);
            done += chunk.customers().size();
            if (spec.customers() > CHUNK) {
                log.info(spec.shopName() + ": " + done + " of " + spec.customers() + " customers written");
            }
        }
        customers.numberInOrderOfRegistration();
        purchases.numberReceipts();
    }
}
