package jp.joren.accounts;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** New staff accounts a shop may add in a window (joren.staff.*). */
@Validated
@ConfigurationProperties("joren.staff")
record StaffProperties(@Positive int maxNewPerShop, @NotNull Duration window) {
}
