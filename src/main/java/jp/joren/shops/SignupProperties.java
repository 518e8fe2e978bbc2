package jp.joren.shops;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Shop sign-ups allowed per client address in a window (joren.signup.*). */
@Validated
@ConfigurationProperties("joren.signup")
record SignupProperties(@Positive int maxPerAddress, @NotNull Duration window) {
}
