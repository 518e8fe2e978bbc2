package jp.joren.accounts;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/** Back to the login page with the reason and the email the person typed. */
class LoginFailureHandler implements AuthenticationFailureHandler {

    static final String LAST_EMAIL = "joren.login.lastEmail";

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String email = request.getParameter("email");
        request.getSession().setAttribute(LAST_EMAIL, email == null ? "" : email.trim());
        String reason = exception instanceof LoginThrottledException ? "throttled"
                : exception instanceof DisabledException ? "disabled" : "bad";
        response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
    }
}
