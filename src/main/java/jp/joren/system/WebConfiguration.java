package jp.joren.system;

import java.util.Locale;
import java.util.TimeZone;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleContextResolver;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    static final TimeZone DEFAULT_ZONE = TimeZone.getTimeZone("Asia/Tokyo");

    /**
     * Japanese and Asia/Tokyo unless chosen otherwise: kept in the session; at login the account's language
     * and its shop's time zone are put there.
     */
    @Bean
    LocaleContextResolver localeResolver() {
        SessionLocaleResolver resolver = new SessionLocaleResolver();
        resolver.setDefaultLocale(Locale.JAPANESE);
        resolver.setDefaultTimeZone(DEFAULT_ZONE);
        return resolver;
    }
}
