package jp.joren.customers;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer's details by field name, in the order the pages show them: compared before and after an edit
 * for the audit log, and against what someone typed for the conflict page.
 */
final class CustomerSnapshot {

    private CustomerSnapshot() {
    }

    static Map<String, Object> of(Customer customer) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", customer.getCode());
        fields.put("name", customer.getName());
        fields.put("nameKana", customer.getNameKana());
        fields.put("email", customer.getEmail());
        fields.put("phone", customer.getPhone());
        fields.put("postalCode", customer.getPostalCode());
        fields.put("prefecture", customer.getPrefecture());
        fields.put("city", customer.getCity());
        fields.put("town", customer.getTown());
        fields.put("addressLine", customer.getAddressLine());
        fields.put("birthday", customer.getBirthday());
        fields.put("acquisitionChannel", customer.getAcquisitionChannel());
        fields.put("storeId", customer.getStoreId());
        fields.put("tags", String.join(",", customer.getTags()));
        fields.put("notes", customer.getNotes());
        return fields;
    }

    /** The fields whose value differs, each as [before, after]. */
    static Map<String, List<Object>> changes(Map<String, Object> before, Map<String, Object> after) {
        Map<String, List<Object>> changes = new LinkedHashMap<>();
        before.forEach((field, old) -> {
            Object now = after.get(field);
            if (!String.valueOf(old).equals(String.valueOf(now))) {
                changes.put(field, Arrays.asList(old, now));
            }
        });
        return changes;
    }
}
