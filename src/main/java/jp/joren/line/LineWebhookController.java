package jp.joren.line;

import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The URL the shop pastes into the LINE console. No session and no CSRF token (LINE's servers call it); the
 * shop comes from the key in the path, and the request counts only when signed with that shop's secret.
 */
@RestController
@RequiredArgsConstructor
class LineWebhookController {

    static final String PATH = "/line/webhook/";

    private final LineWebhook webhook;

    @PostMapping(PATH + "{key}")
    ResponseEntity<Void> receive(@PathVariable String key,
            @RequestHeader(value = "X-Line-Signature", required = false) String signature,
            @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        HttpStatus status = switch (webhook.receive(key, signature, body == null ? new byte[0] : body,
                request.getRemoteAddr())) {
            case ACCEPTED -> HttpStatus.OK;
            case UNKNOWN_SHOP -> HttpStatus.NOT_FOUND;
            case BAD_SIGNATURE -> HttpStatus.UNAUTHORIZED;
            case MALFORMED -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status).build();
    }
}
