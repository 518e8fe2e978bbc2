package jp.joren.line;

import java.time.LocalTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

/** The owner's LINE settings form; the secret and token fields come back empty (they are never shown again). */
public class LineForm {

    @NotBlank(message = "{validation.required}")
    @Pattern(regexp = "\\s*[0-9]{1,20}\\s*", message = "{line.validation.channelId}")
    @Getter @Setter private String channelId;
    @Size(max = 200, message = "{validation.tooLong}")
    @Pattern(regexp = "[\\x21-\\x7e]*", message = "{line.validation.credential}")
    @Getter @Setter private String channelSecret;
    @Size(max = 1000, message = "{validation.tooLong}")
    @Pattern(regexp = "[\\x21-\\x7e]*", message = "{line.validation.credential}")
    @Getter @Setter private String accessToken;
    @NotNull(message = "{validation.required}")
    @DateTimeFormat(pattern = "HH:mm")
    @Getter @Setter private LocalTime sendFrom = SendHours.DEFAULT_FROM;
    @NotNull(message = "{validation.required}")
    @DateTimeFormat(pattern = "HH:mm")
    @Getter @Setter private LocalTime sendUntil = SendHours.DEFAULT_UNTIL;

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
}
