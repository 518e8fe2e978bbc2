package jp.joren.accounts;

import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** The language switch in the header; remembered on the account so that the next login speaks it too. */
@Controller
class LanguageController {

    private static final Set<String> SPOKEN = Set.of("ja", "en");

    private final LocaleResolver localeResolver;
    private final AccountDirectory directory;

    LanguageController(LocaleResolver localeResolver, AccountDirectory directory) {
        this.localeResolver = localeResolver;
        this.directory = directory;
    }

    @PostMapping("/language")
    String switchLanguage(@RequestParam String lang, @RequestParam(defaultValue = "/home") String back,
            @AuthenticationPrincipal JorenUser user, HttpServletRequest request, HttpServletResponse response) {
        Locale language = Locale.forLanguageTag(SPOKEN.contains(lang) ? lang : "ja");
        localeResolver.setLocale(request, response, language);
        if (user != null) {
            directory.switchLanguage(user.accountId(), language);
        }
        // only a path of this site, never an absolute URL: no open redirect
        boolean localPath = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\");
        return "redirect:" + (localPath ? back : "/home");
    }
}
