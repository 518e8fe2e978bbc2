package jp.joren.shops;

import jakarta.persistence.EntityManager;
import jp.joren.accounts.AccountDirectory;
import jp.joren.accounts.JorenUser;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates a shop with its first store and its owner, in one transaction bound to the new shop. */
@Service
@RequiredArgsConstructor
public class ShopSignup {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final EntityManager entityManager;
    private final Stores stores;
    private final AccountDirectory accounts;
    private final MessageSource messages;

    /** Opens a shop at once (the demo and load shops); a visitor's sign-up waits for its email (SignupConfirmation). */
    public JorenUser signUp(NewShop shop) {
        return open(new ShopOpening(shop.shopName(), shop.ownerName(), shop.ownerEmail(),
                accounts.hashPassword(shop.ownerPassword()), shop.zone(), shop.language()));
    }

    JorenUser open(ShopOpening shop) {
        // The id comes first: the transaction must be bound to the shop before the shop row can be written.
        long shopId = jdbc.sql("select nextval(pg_get_serial_sequence('shop', 'id'))").query(Long.class).single();
        return CurrentTenant.callAs(shopId, () -> transaction.execute(status -> {
            entityManager.persist(new Shop(shopId, shop.shopName(), shop.zone()));
            stores.save(new Store(messages.getMessage("store.defaultName", null, shop.language())));
            return accounts.createOwner(shop.ownerEmail(), shop.ownerName(), shop.ownerPasswordHash(), shop.language(),
                    shop.zone());
        }));
    }
}
