package jp.joren.system;

import java.util.Locale;
import java.util.TimeZone;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    static final TimeZone DEFAULT_ZONE = TimeZone.getTimeZone("Asia/Tokyo");

    /** Japanese unless the person chose otherwise (kept in the session and, once logged in, the account). */
    @Bean
    LocaleResolver localeResolver() {
        SessionLocaleResolver resolver = new SessionLocaleResolver();
        resolver.setDefaultLocale(Locale.JAPANESE);
        resolver.setDefaultTimeZone(DEFAULT_ZONE);
        return resolver;
    }
}
