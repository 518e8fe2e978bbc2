package jp.joren.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * One pass over a file: every row read and checked, the good ones handed to the kind's import a batch at a time
 * (written, or reviewed while checking), the bad ones counted and the first of their problems kept.
 */
final class FilePass {

    int total;
    int bad;
    KindImport.Counts counts = KindImport.Counts.NONE;
    final List<ImportProblem> problems = new ArrayList<>();
    final List<ImportMatch> matches = new ArrayList<>();
    int conflicts;
    /** What the check counted beside the problems, or what the run made (message key → how many). */
    Map<String, Long> warnings = Map.of();
    private int reported;
    private final KindImport importer;
    private final boolean writing;
    private final IntConsumer progress;
    private final List<ImportRow> batch = new ArrayList<>(Imports.BATCH);

    private FilePass(KindImport importer, boolean writing, IntConsumer progress) {
        this.importer = importer;
        this.writing = writing;
        this.progress = progress;
    }

    /** Reads the file with this mapping; none of it when a required column is not mapped. */
    static FilePass over(ImportKind kind, String text, Map<String, Integer> mapping, KindImport importer,
            boolean writing, IntConsumer progress) {
        FilePass pass = new FilePass(importer, writing, progress);
        for (ImportField field : kind.fields()) {
            if (field.required() && !mapping.containsKey(field.key())) {
                pass.problems.add(new ImportProblem(0, field.key(), "import.problem.missingColumn", null));
            }
        }
        if (!pass.problems.isEmpty()) {
            return pass;
        }
        CsvTable.rows(text, kind, mapping, pass::row, pass::problem);
        if (writing) {
            if (!pass.batch.isEmpty()) {
                pass.counts = pass.counts.plus(importer.write(pass.batch));
            }
            pass.counts = pass.counts.plus(importer.finish());
        } else if (!pass.batch.isEmpty()) {
            pass.reviewed(importer.review(pass.batch));
        }
        return pass;
    }

    private void row(ImportRow row) {
        total++;
        if (row.values() == null) {
            bad++;
            return;
        }
        if (!row.complete()) {
            // the cells that could not be read are reported already; the row's other problems with them
            bad++;
            if (importer.checksIncompleteRows()) {
                problems(importer.check(row));
            }
            return;
        }
        List<ImportProblem> found = importer.check(row);
        if (!found.isEmpty()) {
            bad++;
            problems(found);
            return;
        }
        batch.add(row);
        if (batch.size() == Imports.BATCH) {
            batchFull();
        }
    }

    private void batchFull() {
        if (writing) {
            counts = counts.plus(importer.write(batch));
            if (total - reported >= Imports.PROGRESS_EVERY) {
                // the bar moves by 1% of a million-line file, each step its own transaction
                reported = total;
                progress.accept(total);
            }
        } else {
            reviewed(importer.review(batch));
        }
        batch.clear();
    }

    private void problem(ImportProblem problem) {
        problems(List.of(problem));
        if (problem.line() < 0) {
            bad++;
        }
    }

    /** Keeps the first problems the report shows: a million bad lines are counted, not held. */
    private void problems(List<ImportProblem> found) {
        for (ImportProblem problem : found) {
            if (problems.size() < Imports.PROBLEMS_KEPT) {
                problems.add(problem);
            }
        }
    }

    private void reviewed(List<ImportMatch> found) {
        for (ImportMatch match : found) {
            conflicts += match.conflict() ? 1 : 0;
            if (matches.size() < Imports.MATCHES_KEPT) {
                matches.add(match);
            }
        }
    }
}
