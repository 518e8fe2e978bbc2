package jp.joren.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jp.joren.imports.SalesFile.Customer;
import lombok.RequiredArgsConstructor;

/**
 * The customers of a sales file, each the row of a customer import: checked, reviewed and written exactly as that
 * import does, the problems of a customer told at the line that first names them.
 */
@RequiredArgsConstructor
final class SalesCustomers {

    private final SalesFile file;
    private final CustomerImport customerImport;

    /** The problems of the line's customer: their own at the line that first names them, else a pointer there. */
    List<ImportProblem> check(String key, ImportRow row) {
        Customer known = file.customers.get(key);
        if (known != null) {
            return known.bad ? List.of(new ImportProblem(row.line(), "customerCode", "import.problem.customerBadEarlier",
                    Long.toString(known.row.line()))) : List.of();
        }
        Map<String, Object> fields = new HashMap<>();
        String code = row.text("customerCode");
        String name = row.text("customerName");
        fields.put("code", code);
        // a journal without names (Online Retail): the customer is named by their code until the owner names them
        fields.put("name", name != null ? name : code != null ? code : row.text("email") != null ? row.text("email")
                : row.text("phone"));
        fields.put("nameKana", row.text("nameKana"));
        fields.put("phone", row.text("phone"));
        fields.put("email", row.text("email"));
        fields.values().removeIf(Objects::isNull);
        Customer customer = new Customer(new ImportRow(row.line(), fields));
        file.customers.put(key, customer);
        List<ImportProblem> problems = new ArrayList<>();
        for (ImportProblem problem : customerImport.check(customer.row)) {
            String field = switch (problem.field()) {
                case "code" -> "customerCode";
                case "name" -> "customerName";
                default -> problem.field();
            };
            problems.add(new ImportProblem(problem.line(), field, problem.message(), problem.value(), problem.limit()));
        }
        customer.bad = !problems.isEmpty();
        return problems;
    }

    /** The existing customers these customers of the file are, or collide with; those found by nobody are new. */
    List<ImportMatch> review(List<Customer> fresh) {
        if (fresh.isEmpty()) {
            return List.of();
        }
        List<ImportMatch> matches = customerImport.review(fresh.stream().map(c -> c.row).toList());
        Set<Long> found = new HashSet<>();
        matches.forEach(m -> found.add(m.line()));
        fresh.forEach(customer -> customer.fresh = !found.contains(customer.row.line()));
        return matches;
    }

    /** Makes or finds the customers first named in these lines, as the customer import would. */
    KindImport.Counts resolve(List<ImportRow> lines) {
        List<Customer> fresh = new ArrayList<>();
        for (ImportRow row : lines) {
            String key = SalesFile.customerKey(row);
            Customer customer = key == null ? null : file.customers.get(key);
            if (customer != null && !customer.resolved) {
                customer.resolved = true;
                fresh.add(customer);
            }
        }
        if (fresh.isEmpty()) {
            return KindImport.Counts.NONE;
        }
        CustomerImport.Written written = customerImport.written(fresh.stream().map(c -> c.row).toList());
        for (int i = 0; i < fresh.size(); i++) {
            fresh.get(i).id = written.ids().get(i);
        }
        SalesFile.count(file.outcome, SalesImport.MADE_CUSTOMERS, written.counts().created());
        SalesFile.count(file.outcome, SalesImport.UPDATED_CUSTOMERS, written.counts().updated());
        return new KindImport.Counts(0, written.counts().updated());
    }
}
