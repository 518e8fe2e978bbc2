package jp.joren.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Redirects back to a page (the language switch, the page saved before login) never leave the site. */
class SitePathTest {

    @Test
    void returnsToThePathAndQueryOfTheReferer() {
        assertThat(SitePath.of("https://joren.example.jp/customers?town=港南")).isEqualTo("/customers?town=港南");
    }

    @Test
    void aMalformedOrOffSiteRefererLeadsHome() {
        assertThat(SitePath.of("http://[broken")).isEqualTo("/");
        assertThat(SitePath.of("https://joren.example.jp//evil.example/x")).isEqualTo("/");
        assertThat(SitePath.of("https://joren.example.jp/\\\\evil.example")).isEqualTo("/");
        assertThat(SitePath.of("mailto:x@example.jp")).isEqualTo("/");
    }
}
