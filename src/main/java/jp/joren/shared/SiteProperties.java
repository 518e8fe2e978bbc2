package jp.joren.shared;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Where customers and LINE reach Joren from outside (joren.public-url), without a trailing slash. */
@Validated
@ConfigurationProperties("joren")
public record SiteProperties(@NotBlank String publicUrl) {

    public SiteProperties {
        publicUrl = publicUrl == null ? null : publicUrl.replaceAll("/+$", "");
    }
}
