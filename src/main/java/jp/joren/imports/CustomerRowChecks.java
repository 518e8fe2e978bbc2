package jp.joren.imports;

import java.lang.annotation.Annotation;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.PastOrPresent;
import jp.joren.addresses.AddressSplitter;
import jp.joren.customers.CustomerDetails;
import jp.joren.customers.JapanesePhone;
import jp.joren.customers.KanaReading;
import jp.joren.customers.PostalCode;
import lombok.RequiredArgsConstructor;

/**
 * The check of a customer file's rows, all of a row's problems at once: the counter's rules for a customer, the
 * same person twice in the file, and a single address column split into prefecture, city and town on the way.
 */
@RequiredArgsConstructor
final class CustomerRowChecks {

    /** Addresses that Japan Post's names did not explain: kept whole (after any prefecture) in 番地・建物. */
    static final String ADDRESS_NOT_SPLIT = "import.warning.addressNotSplit";

    /** The customer's own rules ({@link CustomerDetails}) a cell can break, told in the import report's words. */
    private static final Map<Class<? extends Annotation>, String> BROKEN_RULES = Map.of(
            Email.class, "import.problem.badEmail",
            KanaReading.class, "import.problem.badKana",
            JapanesePhone.class, "import.problem.badPhone",
            PostalCode.class, "import.problem.badPostalCode",
            PastOrPresent.class, "import.problem.birthdayInFuture");

    private final Validator validator;
    private final AddressSplitter addresses;
    private final Map<String, Long> seen = new HashMap<>();
    private final Map<String, Long> warnings = new LinkedHashMap<>();

    /** What the rows checked so far leave the owner to know (addresses not understood), by message key. */
    Map<String, Long> warnings() {
        return warnings;
    }

    List<ImportProblem> check(ImportRow row) {
        splitAddress(row);
        List<ImportProblem> problems = new ArrayList<>();
        // the rules the counter and the public page keep, not a second spelling of them; a ledger's customer
        // may have neither phone nor email (postcards only), and lengths are the columns' own check
        for (String field : List.of("nameKana", "phone", "email", "postalCode", "birthday")) {
            Object value = row.value(field);
            if (value == null) {
                continue;
            }
            validator.validateValue(CustomerDetails.class, field, value).stream()
                    .map(broken -> BROKEN_RULES.get(broken.getConstraintDescriptor().getAnnotation().annotationType()))
                    .filter(Objects::nonNull).distinct()
                    .forEach(problem -> problems.add(new ImportProblem(row.line(), field, problem, String.valueOf(value))));
        }
        String phone = problems.stream().anyMatch(p -> p.field().equals("phone")) ? null : row.text("phone");
        String digits = phone == null ? null : Normalizer.normalize(phone, Normalizer.Form.NFKC).replaceAll("[^0-9]", "");
        String email = row.text("email");
        duplicate(row, "code", row.text("code") == null ? null : "code:" + row.text("code").strip().toLowerCase(), problems);
        duplicate(row, "phone", digits == null ? null : "phone:" + digits.replaceFirst("^81", "0"), problems);
        duplicate(row, "email", email == null ? null : "email:" + email.strip().toLowerCase(), problems);
        return problems;
    }

    /**
     * A ledger with one 住所 column and no prefecture, city or town: the address is split into them, so the
     * customer is in the town filter and the trade area. What the names do not explain stays whole in the
     * address line, never lost.
     */
    private void splitAddress(ImportRow row) {
        String address = row.text("addressLine");
        if (address == null || row.text("prefecture") != null || row.text("city") != null || row.text("town") != null) {
            return;
        }
        AddressSplitter.Split split = addresses.split(address);
        if (!split.understood()) {
            // imported all the same, the part not understood in 番地・建物: the owner is told how many
            warnings.merge(ADDRESS_NOT_SPLIT, 1L, Long::sum);
        }
        if (!split.understood() && split.prefecture().isEmpty()) {
            return;
        }
        put(row, "prefecture", split.prefecture());
        put(row, "city", split.city());
        put(row, "town", split.town());
        row.values().put("addressLine", split.line().isEmpty() ? null : split.line());
    }

    private static void put(ImportRow row, String key, String value) {
        if (!value.isEmpty()) {
            row.values().put(key, value);
        }
    }

    private void duplicate(ImportRow row, String field, String key, List<ImportProblem> problems) {
        if (key == null) {
            return;
        }
        Long earlier = seen.putIfAbsent(key, row.line());
        if (earlier != null) {
            problems.add(new ImportProblem(row.line(), field, "import.problem.duplicateInFile", Long.toString(earlier)));
        }
    }

}
