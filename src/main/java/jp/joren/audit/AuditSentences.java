package jp.joren.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jp.joren.shared.Formats;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells an audit event as the owner would say it — "佐倉 誠 が 青木 浩 の電話番号を 03-… から 090-… に変更" — in
 * the reader's language, with customers, stores and receipts by name. The JSON stays as it was written (its
 * field names are the code's); only its reading is translated.
 */
@Component
@RequiredArgsConstructor
class AuditSentences {

    /** How a changed field is told, by what changed it: a person, an import, the undo of an import. */
    private static final Map<AuditAction, String> CHANGE_SENTENCES = Map.of(
            AuditAction.CUSTOMER_EDITED, "audit.sentence.changed",
            AuditAction.CUSTOMER_IMPORTED, "audit.sentence.imported",
            AuditAction.CUSTOMER_IMPORT_UNDONE, "audit.sentence.importUndone");

    /** The counts an import's undo records (imports.ImportUndo), each told by audit.undone.<name>. */
    private static final List<String> UNDONE_COUNTS = List.of("receipts", "removed", "restored", "keptEdits",
            "products", "productsRestored", "productsKept", "productsEdited");

    private static final Set<String> CUSTOMER_IDS = Set.of("customerId", "mergedCustomer");

    private final MessageSource messages;
    private final JsonMapper json;
    private final Formats formats;

    List<AuditEntry> tell(List<AuditEvent> events, AuditTrail names) {
        Set<Long> customerIds = new HashSet<>();
        Set<Long> storeIds = new HashSet<>();
        List<JsonNode> details = new ArrayList<>();
        for (AuditEvent event : events) {
            JsonNode tree = json.readTree(event.details() == null ? "{}" : event.details());
            details.add(tree);
            collectIds(tree, customerIds, storeIds);
        }
        Names known = new Names(names.customerNames(customerIds), names.storeNames(storeIds));
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            entries.add(new AuditEntry(events.get(i), sentences(events.get(i), details.get(i), known)));
        }
        return entries;
    }

    private record Names(Map<Long, String> customers, Map<Long, String> stores) {
    }

    private static void collectIds(JsonNode node, Set<Long> customers, Set<Long> stores) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                JsonNode value = field.getValue();
                if (CUSTOMER_IDS.contains(field.getKey())) {
                    idsIn(value, customers);
                } else if (field.getKey().equals("storeId")) {
                    idsIn(value, stores);
                } else {
                    collectIds(value, customers, stores);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectIds(child, customers, stores));
        }
    }

    /** An id, or the [before, after] pair of a customer edit. */
    private static void idsIn(JsonNode value, Set<Long> ids) {
        if (value.isIntegralNumber()) {
            ids.add(value.asLong());
        } else if (value.isArray()) {
            value.forEach(v -> idsIn(v, ids));
        }
    }

    private List<String> sentences(AuditEvent event, JsonNode details, Names names) {
        String actor = event.actorName() != null ? event.actorName() : say("audit.actor.none");
        String subject = subject(event);
        List<String> said = new ArrayList<>();
        switch (event.action()) {
            case CUSTOMER_EDITED, CUSTOMER_IMPORTED, CUSTOMER_IMPORT_UNDONE -> details.properties().forEach(change ->
                    said.add(say(Objects.requireNonNull(CHANGE_SENTENCES.get(event.action())), actor, subject, say("audit.field." + change.getKey()),
                            value(change.getKey(), change.getValue().get(0), names),
                            value(change.getKey(), change.getValue().get(1), names))));
            case CUSTOMERS_MERGED -> said.add(say("audit.sentence.merged", actor,
                    value("mergedCustomer", details.path("mergedCustomer"), names), subject,
                    details.path("purchases").asLong(), details.path("ownedProducts").asLong(),
                    details.path("consents").asLong()));
            case CUSTOMER_MERGE_UNDONE -> said.add(say("audit.sentence.unmerged", actor,
                    value("mergedCustomer", details.path("mergedCustomer"), names), subject));
            case PURCHASE_EDITED -> purchaseChanges(actor, subject, details, names, said);
            case DATA_IMPORTED -> said.add(say("audit.sentence.dataImported", actor, details.path("file").asString(),
                    say("import.kind." + details.path("kind").asString()), details.path("created").asLong(),
                    details.path("updated").asLong(), details.path("skipped").asLong()));
            case DATA_IMPORT_UNDONE -> said.add(say("audit.sentence.dataImportUndone", actor,
                    details.path("file").asString(), undoneCounts(details)));
            default -> said.add(say("audit.sentence.done", actor, subject, say("audit.action." + event.action())));
        }
        if (details.hasNonNull("reason")) {
            said.add(say("audit.sentence.reason", details.get("reason").asString()));
        }
        if (details.hasNonNull("rows")) {
            said.add(say("audit.sentence.rows", details.get("rows").asLong()));
        }
        return said;
    }

    private void purchaseChanges(String actor, String subject, JsonNode details, Names names, List<String> said) {
        JsonNode before = details.path("before");
        JsonNode after = details.path("after");
        for (Map.Entry<String, JsonNode> field : before.properties()) {
            JsonNode now = after.path(field.getKey());
            if (Objects.equals(field.getValue(), now)) {
                continue;
            }
            if (field.getKey().equals("lines")) {
                said.add(say("audit.sentence.changed", actor, subject, say("audit.field.lines"),
                        lines(field.getValue()), lines(now)));
            } else {
                said.add(say("audit.sentence.changed", actor, subject, say("audit.field." + field.getKey()),
                        value(field.getKey(), field.getValue(), names), value(field.getKey(), now, names)));
            }
        }
        if (said.isEmpty()) {
            said.add(say("audit.sentence.done", actor, subject, say("audit.action.PURCHASE_EDITED")));
        }
    }

    /** What an import's undo did, in the order the owner reads it: "お客さま 2人を削除、2人を元に戻す". */
    private String undoneCounts(JsonNode details) {
        List<String> each = new ArrayList<>();
        for (String count : UNDONE_COUNTS) {
            if (details.path(count).asLong() > 0) {
                each.add(say("audit.undone." + count, details.path(count).asLong()));
            }
        }
        return each.isEmpty() ? say("audit.undone.nothing") : String.join(say("audit.separator"), each);
    }

    /** The lines of a receipt in one phrase: "PC-100 × 1 ¥12,800、GK-20 × 2 ¥3,000". */
    private String lines(JsonNode lines) {
        List<String> each = new ArrayList<>();
        lines.forEach(line -> each.add(say("audit.line", line.path("code").asString(), line.path("quantity").asLong(),
                formats.yen(line.path("amount").asLong()))));
        return each.isEmpty() ? say("audit.empty") : String.join(say("audit.separator"), each);
    }

    private String value(String field, JsonNode value, Names names) {
        if (value == null || value.isNull() || value.isMissingNode() || value.isString() && value.asString().isBlank()) {
            return field.equals("customerId") ? say("audit.walkIn") : say("audit.empty");
        }
        return switch (field) {
            case "customerId", "mergedCustomer" -> names.customers().getOrDefault(value.asLong(), "#" + value.asLong());
            case "storeId" -> names.stores().getOrDefault(value.asLong(), "#" + value.asLong());
            case "total" -> formats.yen(value.asLong());
            case "purchasedAt" -> formats.dateTime(Instant.parse(value.asString()));
            case "birthday" -> formats.date(LocalDate.parse(value.asString()));
            // the enums' own words, from the features that name them
            case "acquisitionChannel" -> say("customer.channel." + value.asString());
            case "channel" -> say("purchase.channel." + value.asString());
            default -> value.isValueNode() ? value.asString() : value.toString();
        };
    }

    private String subject(AuditEvent event) {
        String name = event.subjectName();
        return switch (event.subjectType()) {
            case "customer" -> name != null ? name : say("audit.subject.customer", event.subjectId());
            case "purchase" -> say("audit.subject.purchase", name != null ? name : event.subjectId());
            default -> say("audit.subjectType." + event.subjectType());
        };
    }

    private String say(String key, Object... args) {
        String said = messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
        return said != null ? said : key;
    }
}
