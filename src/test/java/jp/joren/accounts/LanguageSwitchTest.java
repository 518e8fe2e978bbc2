package jp.joren.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The language switch returns to the page it was pressed on, and never leaves the site. */
class LanguageSwitchTest {

    @Test
    void returnsToThePathAndQueryOfTheReferer() {
        assertThat(LanguageController.samePage("https://joren.example.jp/customers?town=港南")).isEqualTo("/customers?town=港南");
        assertThat(LanguageController.samePage(null)).isEqualTo("/");
    }

    @Test
    void aMalformedOrOffSiteRefererLeadsHome() {
        assertThat(LanguageController.samePage("http://[broken")).isEqualTo("/");
        assertThat(LanguageController.samePage("https://joren.example.jp//evil.example/x")).isEqualTo("/");
        assertThat(LanguageController.samePage("https://joren.example.jp/\\\\evil.example")).isEqualTo("/");
        assertThat(LanguageController.samePage("mailto:x@example.jp")).isEqualTo("/");
    }
}
