package jp.joren.accounts;

import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleContextResolver;

/** The language switch in the header; remembered on the account so that the next login speaks it too. */
@Controller
@RequiredArgsConstructor
class LanguageController {

    private static final Set<String> SPOKEN = Set.of("ja", "en");

    private final LocaleContextResolver localeResolver;
    private final AccountDirectory directory;

    @PostMapping("/language")
    String switchLanguage(@RequestParam String lang, @RequestHeader(name = "Referer", required = false) String referer,
            @AuthenticationPrincipal JorenUser user, HttpServletRequest request, HttpServletResponse response) {
        Locale language = Locale.forLanguageTag(SPOKEN.contains(lang) ? lang : "ja");
        var current = (TimeZoneAwareLocaleContext) localeResolver.resolveLocaleContext(request);
        localeResolver.setLocaleContext(request, response,
                new SimpleTimeZoneAwareLocaleContext(language, current.getTimeZone()));
        if (user != null) {
            directory.switchLanguage(user.accountId(), language);
        }
        // back to the page the switch was pressed on; only its path, so never to another site
        return "redirect:" + (referer == null ? "/" : SitePath.of(referer));
    }
}
