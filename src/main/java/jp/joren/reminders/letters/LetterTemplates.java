package jp.joren.reminders.letters;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a letter from {@code templates/mail/letter.txt} (text) and {@code templates/mail/letter.html} (HTML),
 * so the mail's words come from the message bundles and the owner's text is escaped by Thymeleaf. The engine
 * is this class's own, not a bean: a second template engine bean would make Spring Boot drop the pages' one.
 */
@Component
class LetterTemplates {

    /** The shops are Japanese; their customers read Japanese mail. */
    private static final Locale MAIL_LOCALE = Locale.JAPANESE;

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    LetterTemplates(MessageSource messages) {
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
        engine.setTemplateEngineMessageSource(messages);
    }

    String text(Map<String, Object> letter) {
        return engine.process("letter.txt", new Context(MAIL_LOCALE, letter));
    }

    String html(Map<String, Object> letter) {
        return engine.process("letter.html", new Context(MAIL_LOCALE, letter));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setOrder(order);
        return resolver;
    }
}
