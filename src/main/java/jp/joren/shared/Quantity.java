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
 * A form field holding a number of pieces, bound from what people type at a till (2, ２, 2個, 2点). Text that is
 * none of these is a binding error ({@code typeMismatch}); the range is the field's own rule.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Quantity {

    final class Binding extends TypedNumberBinding<Quantity, Integer> {

        public Binding() {
            super(Set.of(Integer.class, int.class), "a number of pieces", Binding::pieces);
        }

        private static Optional<Integer> pieces(String typed) {
            String plain = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().replaceFirst("[個点]$", "").strip();
            return plain.matches("[0-9]{1,9}") ? Optional.of(Integer.valueOf(plain)) : Optional.empty();
        }
    }
}
