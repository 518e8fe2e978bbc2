package jp.joren.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.text.Normalizer;
import java.util.Set;

import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.Parser;
import org.springframework.format.Printer;

/**
 * A form field or request parameter holding a number of days, bound from what people type (730, ７３０,
 * 730日). Text that is not one is a binding error ({@code typeMismatch}); the range is the field's own rule.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface DayCount {

    final class Binding implements AnnotationFormatterFactory<DayCount> {

        @Override
        public Set<Class<?>> getFieldTypes() {
            return Set.of(Integer.class, int.class);
        }

        @Override
        public Printer<Integer> getPrinter(DayCount annotation, Class<?> fieldType) {
            return (days, locale) -> Integer.toString(days);
        }

        @Override
        public Parser<Integer> getParser(DayCount annotation, Class<?> fieldType) {
            return (typed, locale) -> {
                String plain = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().replaceFirst("日$", "").strip();
                if (!plain.matches("[0-9]{1,6}")) {
                    throw new IllegalArgumentException("Not a number of days: " + typed);
                }
                return Integer.valueOf(plain);
            };
        }
    }
}
