package jp.joren.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;

import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.Parser;
import org.springframework.format.Printer;

/**
 * A form field or request parameter holding whole yen, bound from what people type (1200, 1,200, ¥1,200,
 * １２００円; see {@link Yen}). Text that is none of these is a binding error ({@code typeMismatch}), shown
 * beside the field with the text kept as typed.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface YenAmount {

    final class Binding implements AnnotationFormatterFactory<YenAmount> {

        @Override
        public Set<Class<?>> getFieldTypes() {
            return Set.of(Long.class, long.class);
        }

        @Override
        public Printer<Long> getPrinter(YenAmount annotation, Class<?> fieldType) {
            return (yen, locale) -> Long.toString(yen);
        }

        @Override
        public Parser<Long> getParser(YenAmount annotation, Class<?> fieldType) {
            return (typed, locale) -> Yen.parse(typed)
                    .orElseThrow(() -> new IllegalArgumentException("Not an amount of yen: " + typed));
        }
    }
}
