package jp.joren.reminders.unsubscribe;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where the unsubscribe link of a test send (and of a preview) leads: the owner who tries it learns that it
 * was a test and that nobody's mail stopped. A real token is 256 random bits, never this word.
 */
@Controller
public class TestUnsubscribeController {

    public static final String PATH = "/u/test";

    @GetMapping(PATH)
    String page() {
        return "reminders/unsubscribe-test";
    }
}
