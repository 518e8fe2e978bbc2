package jp.joren.line;

import java.time.LocalTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** The owner's LINE settings form; the secret and token fields come back empty (they are never shown again). */
public class LineForm {

    @NotBlank(message = "{validation.required}")
    @Pattern(regexp = "\\s*[0-9]{1,20}\\s*", message = "{line.validation.channelId}")
    private String channelId;
    @Size(max = 200, message = "{validation.tooLong}")
    @Pattern(regexp = "[\\x21-\\x7e]*", message = "{line.validation.credential}")
    private String channelSecret;
    @Size(max = 1000, message = "{validation.tooLong}")
    @Pattern(regexp = "[\\x21-\\x7e]*", message = "{line.validation.credential}")
    private String accessToken;
    @NotNull(message = "{validation.required}")
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime sendFrom = SendHours.DEFAULT_FROM;
    @NotNull(message = "{validation.required}")
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime sendUntil = SendHours.DEFAULT_UNTIL;

    static LineForm of(LineAccountView view) {
        LineForm form = new LineForm();
        form.channelId = view.channelId();
        form.sendFrom = view.sendFrom();
        form.sendUntil = view.sendUntil();
        return form;
    }

    LineConnection connection() {
        return new LineConnection(channelId, channelSecret, accessToken, sendFrom, sendUntil);
    }

    public String getChannelId() {
        return channelId;
    }

    public void setChannelId(String channelId) {
        this.channelId = channelId;
    }

    public String getChannelSecret() {
        return channelSecret;
    }

    public void setChannelSecret(String channelSecret) {
        this.channelSecret = channelSecret;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public LocalTime getSendFrom() {
        return sendFrom;
    }

    public void setSendFrom(LocalTime sendFrom) {
        this.sendFrom = sendFrom;
    }

    public LocalTime getSendUntil() {
        return sendUntil;
    }

    public void setSendUntil(LocalTime sendUntil) {
        this.sendUntil = sendUntil;
    }
}
