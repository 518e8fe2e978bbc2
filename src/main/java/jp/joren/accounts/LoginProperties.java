package jp.joren.accounts;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Failed logins allowed per email and per client address in a window (joren.login.*). */
@Validated
@ConfigurationProperties("joren.login")
record LoginProperties(@Positive int maxFailuresPerEmail, @Positive int maxFailuresPerAddress,
        @NotNull Duration failureWindow) {
}
