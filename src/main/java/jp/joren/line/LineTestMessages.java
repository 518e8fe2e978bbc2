package jp.joren.line;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The owner's "test message to myself": one push to the LINE user id the owner gives (their own, shown in the
 * LINE Developers console), so they see the connection work before any customer is written to.
 */
@Service
@RequiredArgsConstructor
class LineTestMessages {

    private final LineAccounts accounts;
    private final LineMessaging messaging;
    private final MessageSource messages;

    /** @return LINE's answer, or empty when the shop has not connected LINE */
    Optional<PushResult> send(String userId, Locale locale) {
        return accounts.credentials().map(credentials -> messaging.push(credentials, userId,
                messages.getMessage("line.test.text", null, locale), UUID.randomUUID()));
    }
}
