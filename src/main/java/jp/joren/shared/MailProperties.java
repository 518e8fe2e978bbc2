package jp.joren.shared;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Joren's own sender address: notices, and a shop's mail when the shop has none (joren.mail.*). */
@Validated
@ConfigurationProperties("joren.mail")
public record MailProperties(@NotBlank String from) {
}
