package jp.joren.customers;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.MutablePropertyValues;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.validation.DataBinder;

/**
 * A {@link CustomerFilter} spelt as the list's query string and read back: what a bookmark, a dashboard link
 * and a saved segment keep.
 */
final class FilterQueryString {

    /** Binds a stored query string as the list binds the address's: the same names, formats and limits. */
    private static final DefaultFormattingConversionService CONVERSIONS = new DefaultFormattingConversionService();

    private FilterQueryString() {
    }

    /** See {@link CustomerFilter#toQuery()}. */
    static String of(CustomerFilter filter) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("text", filter.getText().isEmpty() ? null : filter.getText());
        set.put("tag", filter.getTag().isEmpty() ? null : filter.getTag());
        set.put("storeId", filter.getStoreId());
        set.put("channel", filter.getChannel());
        set.put("town", filter.getTown().isEmpty() ? null : filter.getTown());
        set.put("consent", filter.getConsent());
        set.put("modelId", filter.getModelId());
        set.put("segment", filter.getSegment());
        set.put("standing", filter.getStanding());
        set.put("tier", filter.getTier());
        set.put("lastVisitFrom", filter.getLastVisitFrom());
        set.put("lastVisitTo", filter.getLastVisitTo());
        set.put("activeBelowPercent", filter.getActiveBelowPercent());
        set.put("includeArchived", filter.isIncludeArchived() ? true : null);
        set.put("sort", filter.getSort() == CustomerFilter.Sort.KANA ? null : filter.getSort());
        return set.entrySet().stream().filter(field -> field.getValue() != null)
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** See {@link CustomerFilter#ofQuery(String)}. */
    static CustomerFilter read(String query) {
        MutablePropertyValues values = new MutablePropertyValues();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.add(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        values.removePropertyValue("page");
        CustomerFilter filter = new CustomerFilter();
        DataBinder binder = new DataBinder(filter);
        binder.setConversionService(CONVERSIONS);
        binder.bind(values);
        return filter;
    }
}
