package jp.joren.shops;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jp.joren.shared.EditConflict;
import jp.joren.shared.NotFoundException;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current shop's settings and stores. */
@Service
@RequiredArgsConstructor
public class ShopSettings {

    private final Shops shops;
    private final Stores stores;
    private final JdbcClient jdbc;
    private final Clock clock;

    @Transactional(readOnly = true)
    public Shop currentShop() {
        long id = CurrentTenant.require();
        return shops.findById(id).orElseThrow(() -> new NotFoundException("shop", id));
    }

    boolean slugTaken(String slug) {
        return jdbc.sql("select shop_slug_taken(?, ?)").params(slug.trim(), CurrentTenant.require())
                .query(Boolean.class).single();
    }

    @Transactional
    /** @throws EditConflict when the settings were saved since the form was opened */
    void update(ShopSettingsForm form) {
        Shop shop = currentShop();
        if (form.getVersion() != null && form.getVersion() != shop.getVersion()) {
            throw new EditConflict();
        }
        shop.update(form);
    }

    /** The shop's time zone, without loading the shop (the counter asks on every sale). */
    @Transactional(readOnly = true)
    public ZoneId zone() {
        return ZoneId.of(jdbc.sql("select time_zone from shop where id = :shop").param("shop", CurrentTenant.require())
                .query(String.class).single());
    }

    /** The shop's today: the date on its own clock, which is the business date of what happens now. */
    @Transactional(readOnly = true)
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    /** The time on the shop's own clock, to the minute, as the clerk reads it at the till. */
    @Transactional(readOnly = true)
    public LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(zone())).truncatedTo(ChronoUnit.MINUTES);
    }

    /** Whether a sale can be registered in this store (it is the shop's own, and open). */
    @Transactional(readOnly = true)
    public boolean storeIsOpen(long storeId) {
        return jdbc.sql("select exists (select 1 from store where tenant_id = ? and id = ? and active)")
                .params(CurrentTenant.require(), storeId)
                .query(Boolean.class).single();
    }

    @Transactional(readOnly = true)
    public List<Store> stores() {
        return stores.allInOrder();
    }

    @Transactional
    void addStore(StoreForm form) {
        stores.save(new Store(form.getName()));
    }

    @Transactional
    void updateStore(long id, StoreForm form) {
        Store store = stores.findById(id).orElseThrow(() -> new NotFoundException("store", id));
        store.rename(form.getName());
        store.setActive(form.isActive());
    }
}
