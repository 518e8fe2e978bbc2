package jp.joren.shops;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The shop's name for the header of every logged-in page, read by the layout as {@code @currentShop.name()}.
 * Asked for only when a page is rendered, so redirects, JSON and htmx fragments — most of what the counter
 * sends — cost no query for it.
 */
@Component("currentShop")
@RequiredArgsConstructor
public class CurrentShopName {

    private final ShopSettings settings;

    /** The name, or null when no shop is bound (public pages, the login page). */
    public @Nullable String name() {
        return CurrentTenant.id().isPresent() ? settings.currentShop().getName() : null;
    }
}
