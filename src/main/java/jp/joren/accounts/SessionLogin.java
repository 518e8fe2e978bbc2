package jp.joren.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Logs a person in without a password form: the owner who has just created a shop. */
@Component
@RequiredArgsConstructor
public class SessionLogin {

    private final SecurityContextRepository contexts;
    private final LoginSuccessHandler loginRecorder;

    public void logIn(JorenUser user, HttpServletRequest request, HttpServletResponse response) {
        user.eraseCredentials();
        request.getSession();
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        loginRecorder.recordLogin(user, request, response);
    }
}
