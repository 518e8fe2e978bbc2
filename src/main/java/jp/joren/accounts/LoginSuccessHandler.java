package jp.joren.accounts;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.joren.tenancy.CurrentTenant;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleContextResolver;

/** Records the login for the owner to see and switches the UI to the account's language. */
@Component
class LoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    private final LoginHistory history;
    private final LocaleContextResolver localeResolver;

    LoginSuccessHandler(LoginHistory history, LocaleContextResolver localeResolver) {
        this.history = history;
        this.localeResolver = localeResolver;
        setDefaultTargetUrl("/home");
        // the page asked for before login was saved with the request's Host header: go back by its path alone
        setRedirectStrategy((request, response, url) -> response.sendRedirect(SitePath.of(url)));
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        JorenUser user = (JorenUser) Objects.requireNonNull(authentication.getPrincipal(), "a login has its user");
        recordLogin(user, request, response);
        request.getSession().removeAttribute(LoginFailureHandler.LAST_EMAIL);
        super.onAuthenticationSuccess(request, response, authentication);
    }

    /** What every login does, by password or right after sign-up. */
    void recordLogin(JorenUser user, HttpServletRequest request, HttpServletResponse response) {
        CurrentTenant.runAs(user.tenantId(),
                () -> history.record(user.accountId(), request.getRemoteAddr(), request.getHeader("User-Agent")));
        localeResolver.setLocaleContext(request, response, new SimpleTimeZoneAwareLocaleContext(
                Locale.forLanguageTag(user.locale()), TimeZone.getTimeZone(user.zone())));
    }
}
