package jp.joren.imports;

import java.util.List;
import java.util.Map;

/**
 * A row of the file that would update an existing customer, or that collides with one (a conflict), shown
 * beside that customer before anything is written: who they are (name, kana, code, phone, visits), what the
 * row says, and what would change.
 */
record ImportMatch(long line, long customerId, boolean conflict, Map<String, String> existing, long visits,
                   Map<String, String> incoming, Map<String, List<String>> changes) {

    /** The fields both sides are shown with, whatever changes. */
    static final List<String> SHOWN = List.of("name", "nameKana", "code", "phone", "email");
}
