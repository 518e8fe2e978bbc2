package jp.joren.shared;

import java.lang.annotation.Annotation;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.Parser;
import org.springframework.format.Printer;

/**
 * Binds a number-typed form field from text as people type it ({@link YenAmount}, {@link DayCount},
 * {@link Quantity}): printed as plain digits, and text that is not such a number is a binding error
 * ({@code typeMismatch}), shown beside the field with the text kept as typed.
 */
public abstract class TypedNumberBinding<A extends Annotation, N extends Number>
        implements AnnotationFormatterFactory<A> {

    private final Set<Class<?>> fieldTypes;
    private final String what;
    private final Function<String, Optional<N>> reading;

    protected TypedNumberBinding(Set<Class<?>> fieldTypes, String what, Function<String, Optional<N>> reading) {
        this.fieldTypes = fieldTypes;
        this.what = what;
        this.reading = reading;
    }

    @Override
    public Set<Class<?>> getFieldTypes() {
        return fieldTypes;
    }

    @Override
    public Printer<N> getPrinter(A annotation, Class<?> fieldType) {
        return (number, locale) -> number.toString();
    }

    @Override
    public Parser<N> getParser(A annotation, Class<?> fieldType) {
        return (typed, locale) -> reading.apply(typed)
                .orElseThrow(() -> new IllegalArgumentException("Not " + what + ": " + typed));
    }
}
