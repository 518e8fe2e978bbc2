package jp.joren.shared;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings every node needs stop the start when missing, rather than the first mail or link that needs them. */
class JorenPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Bound.class);

    @EnableConfigurationProperties({MailProperties.class, SiteProperties.class})
    static class Bound {
    }

    @Test
    void noSenderAddressStopsTheStart() {
        context.withPropertyValues("joren.public-url=https://joren.example.jp", "joren.mail.from=")
                .run(started -> assertThat(started).hasFailed());
    }

    @Test
    void thePublicAddressIsReadWithoutItsTrailingSlash() {
        context.withPropertyValues("joren.public-url=https://joren.example.jp/", "joren.mail.from=no-reply@joren.example")
                .run(started -> assertThat(started.getBean(SiteProperties.class).publicUrl())
                        .isEqualTo("https://joren.example.jp"));
    }
}
