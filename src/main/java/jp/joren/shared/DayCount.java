package jp.joren.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.text.Normalizer;
import java.util.Optional;
import java.util.Set;

/**
 * A form field or request parameter holding a number of days, bound from what people type (730, ７３０,
 * 730日). Text that is not one is a binding error ({@code typeMismatch}); the range is the field's own rule.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface DayCount {

    final class Binding extends TypedNumberBinding<DayCount, Integer> {

        public Binding() {
            super(Set.of(Integer.class, int.class), "a number of days", Binding::days);
        }

        private static Optional<Integer> days(String typed) {
            String plain = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().replaceFirst("日$", "").strip();
            return plain.matches("[0-9]{1,6}") ? Optional.of(Integer.valueOf(plain)) : Optional.empty();
        }
    }
}
