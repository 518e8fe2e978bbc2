package jp.joren.accounts;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Password reset requests allowed per email and per client address in a window (joren.password-reset.*). */
@Validated
@ConfigurationProperties("joren.password-reset")
record PasswordResetProperties(@Positive int maxPerEmail, @Positive int maxPerAddress, @NotNull Duration window) {
}
