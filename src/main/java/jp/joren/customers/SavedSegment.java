package jp.joren.customers;

/**
 * A filter of the customer list the owner saved under a name; {@code filter} is the list's query string
 * ({@link CustomerFilter#toQuery()}), so opening it is opening {@code /customers?filter}.
 */
public record SavedSegment(long id, String name, String filter, long version) {

    public CustomerFilter customerFilter() {
        return CustomerFilter.ofQuery(filter);
    }

    /** The customer list with this filter. */
    public String listAddress() {
        return filter.isEmpty() ? "/customers" : "/customers?" + filter;
    }
}
