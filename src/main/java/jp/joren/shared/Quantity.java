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
 * A form field holding a number of pieces, bound from what people type at a till (2, ２, 2個, 2点). Text that is
 * none of these is a binding error ({@code typeMismatch}); the range is the field's own rule.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Quantity {

    final class Binding implements AnnotationFormatterFactory<Quantity> {

        @Override
        public Set<Class<?>> getFieldTypes() {
            return Set.of(Integer.class, int.class);
        }

        @Override
        public Printer<Integer> getPrinter(Quantity annotation, Class<?> fieldType) {
            return (pieces, locale) -> Integer.toString(pieces);
        }

        @Override
        public Parser<Integer> getParser(Quantity annotation, Class<?> fieldType) {
            return (typed, locale) -> {
                String plain = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().replaceFirst("[個点]$", "").strip();
                if (!plain.matches("[0-9]{1,9}")) {
                    throw new IllegalArgumentException("Not a number of pieces: " + typed);
                }
                return Integer.valueOf(plain);
            };
        }
    }
}
