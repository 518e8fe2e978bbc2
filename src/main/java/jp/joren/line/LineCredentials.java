package jp.joren.line;

/** The shop's decrypted channel secret and access token, for one push or one webhook check; never logged. */
public record LineCredentials(String channelId, String channelSecret, String accessToken) {

    @Override
    public String toString() {
        return "LineCredentials[" + channelId + "]";
    }
}
