package jp.joren.line;

import java.time.LocalTime;

/** The connected account as the settings page shows it: the secrets only by their last four characters. */
public record LineAccountView(String channelId, String secretTail, String tokenTail, String webhookKey,
        LocalTime sendFrom, LocalTime sendUntil) {
}
