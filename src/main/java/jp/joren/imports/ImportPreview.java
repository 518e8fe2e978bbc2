package jp.joren.imports;

import java.util.List;
import java.util.Map;

/**
 * What the check page shows of a file: its header and first rows, the column mapping, the problems found and
 * the existing customers its rows would update or collide with.
 */
record ImportPreview(List<String> header, List<List<String>> rows, Map<String, Integer> mapping,
                     List<ImportProblem> problems, List<ImportMatch> matches) {

    /** The rows whose phone belongs to a customer with another name: each needs the owner's choice. */
    public List<ImportMatch> conflicts() {
        return matches.stream().filter(ImportMatch::conflict).toList();
    }

    /** Whether there were more such rows than are shown. */
    public boolean moreMatches() {
        return matches.size() >= Imports.MATCHES_KEPT;
    }

    /** What the owner can choose for a conflict row, the safe default first. */
    public List<ImportDecision> choices() {
        return List.of(ImportDecision.values());
    }

    /** The rows that would update an existing customer, with what would change. */
    public List<ImportMatch> updates() {
        return matches.stream().filter(m -> !m.conflict()).toList();
    }
}
