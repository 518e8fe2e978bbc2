package jp.joren.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Yen, days and pieces are bound from forms as people type them, once for every form ({@link YenAmount},
 * {@link DayCount}, {@link Quantity}).
 */
@Configuration(proxyBeanMethods = false)
class TypedNumbers implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldAnnotation(new YenAmount.Binding());
        registry.addFormatterForFieldAnnotation(new DayCount.Binding());
        registry.addFormatterForFieldAnnotation(new Quantity.Binding());
    }
}
