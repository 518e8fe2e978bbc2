package jp.joren.imports;

import java.time.Instant;
import java.util.Map;

/**
 * What writing an import needs beyond its rows: which import it is (so that an undo finds what it wrote), the
 * owner's choice for each conflict row (by line), and the time it runs at.
 */
record ImportRun(long importId, Map<Long, ImportDecision> decisions, Instant now) {
}
