package jp.joren.join;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Sign-ups on a shop's public page allowed per client address in a window (joren.join.*). */
@Validated
@ConfigurationProperties("joren.join")
record JoinProperties(@Positive int maxPerAddress, @NotNull Duration window) {
}
