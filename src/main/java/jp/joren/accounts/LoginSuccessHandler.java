package jp.joren.accounts;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.joren.tenancy.CurrentTenant;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/** Records the login for the owner to see and switches the UI to the account's language. */
@Component
class LoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    private final LoginHistory history;
    private final LocaleResolver localeResolver;

    LoginSuccessHandler(LoginHistory history, LocaleResolver localeResolver) {
        this.history = history;
        this.localeResolver = localeResolver;
        setDefaultTargetUrl("/home");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        JorenUser user = (JorenUser) authentication.getPrincipal();
        recordLogin(user, request);
        localeResolver.setLocale(request, response, Locale.forLanguageTag(user.locale()));
        request.getSession().removeAttribute(LoginFailureHandler.LAST_EMAIL);
        super.onAuthenticationSuccess(request, response, authentication);
    }

    void recordLogin(JorenUser user, HttpServletRequest request) {
        CurrentTenant.runAs(user.tenantId(),
                () -> history.record(user.accountId(), request.getRemoteAddr(), request.getHeader("User-Agent")));
    }
}
