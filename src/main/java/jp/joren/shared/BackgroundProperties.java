package jp.joren.shared;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The background jobs' workers, shared by the shops in turns, and how often a running job's heartbeat is written. */
@Validated
@ConfigurationProperties("joren.background")
public record BackgroundProperties(@Positive int workers, @NotNull Duration heartbeat) {
}
