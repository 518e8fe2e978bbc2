package jp.joren.shops;

import jp.joren.tenancy.CurrentTenant;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every logged-in page shows the shop's name in its header. */
@ControllerAdvice
class CurrentShopAdvice {

    private final ShopSettings settings;

    CurrentShopAdvice(ShopSettings settings) {
        this.settings = settings;
    }

    @ModelAttribute("currentShopName")
    String currentShopName() {
        return CurrentTenant.id().isPresent() ? settings.currentShop().getName() : null;
    }
}
