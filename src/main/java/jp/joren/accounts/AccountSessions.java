package jp.joren.accounts;

import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/** The sessions an account is logged in with, in every browser: a new password or a disabled account ends them. */
@Component
@RequiredArgsConstructor
class AccountSessions {

    private final FindByIndexNameSessionRepository<?> sessions;

    /** @param exceptSessionId the session to keep (an owner changing their own password stays in), or null */
    void endAll(String loginEmail, @Nullable String exceptSessionId) {
        sessions.findByPrincipalName(loginEmail).keySet().stream()
                .filter(sessionId -> !sessionId.equals(exceptSessionId))
                .forEach(sessions::deleteById);
    }
}
