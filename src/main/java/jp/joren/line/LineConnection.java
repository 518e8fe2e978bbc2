package jp.joren.line;

import java.time.LocalTime;

/**
 * What the owner types to connect the shop's LINE official account; a blank secret or token keeps the one
 * already stored (they are never shown again, so the owner cannot retype them to change only the hours).
 */
public record LineConnection(String channelId, String channelSecret, String accessToken, LocalTime sendFrom,
        LocalTime sendUntil) {
}
