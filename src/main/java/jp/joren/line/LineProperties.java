package jp.joren.line;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The key that seals each shop's LINE secrets (Base64 of 32 bytes), and where and how patiently the
 * Messaging API is called (joren.line.*).
 */
@Validated
@ConfigurationProperties("joren.line")
record LineProperties(@NotBlank String secretKey, @NotBlank String apiBaseUrl, @NotNull Duration connectTimeout,
        @NotNull Duration readTimeout) {
}
