package jp.joren.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A form field or request parameter holding whole yen, bound from what people type (1200, 1,200, ¥1,200,
 * １２００円; see {@link Yen}). Text that is none of these is a binding error ({@code typeMismatch}), shown
 * beside the field with the text kept as typed.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface YenAmount {

    final class Binding extends TypedNumberBinding<YenAmount, Long> {

        public Binding() {
            super(Set.of(Long.class, long.class), "an amount of yen", Binding::yen);
        }

        private static Optional<Long> yen(String typed) {
            OptionalLong yen = Yen.parse(typed);
            return yen.isPresent() ? Optional.of(yen.getAsLong()) : Optional.empty();
        }
    }
}
