package jp.joren.imports;

import java.io.IOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jp.joren.accounts.JorenUser;
import jp.joren.accounts.OwnerOnly;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's imports: upload, preview and column mapping, the report, the run with its progress. */
@OwnerOnly
@Controller
@RequestMapping("/imports")
@RequiredArgsConstructor
class ImportController {

    private static final String MAPPING_PREFIX = "map.";
    private static final String DECISION_PREFIX = "decision.";

    private final Imports imports;
    private final ImportUndo undo;
    private final Clock clock;

    @GetMapping
    String index(Model model) {
        model.addAttribute("kinds", ImportKind.values());
        model.addAttribute("jobs", imports.recent());
        return "imports/index";
    }

    @PostMapping
    String upload(@RequestParam ImportKind kind, @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "") String currencyFactor, @AuthenticationPrincipal JorenUser owner,
            RedirectAttributes redirect) throws IOException {
        if (file.isEmpty()) {
            redirect.addFlashAttribute("uploadError", "import.error.noFile");
            return "redirect:/imports";
        }
        Optional<BigDecimal> factor = factor(currencyFactor);
        if (factor == null) {
            redirect.addFlashAttribute("uploadError", "import.error.currencyFactor");
            return "redirect:/imports";
        }
        try {
            String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
            // only a sales export's prices are converted: the other kinds take whole yen
            BigDecimal yenPerUnit = kind == ImportKind.SALES ? factor.orElse(null) : null;
            return "redirect:/imports/" + imports.upload(new Imports.UploadCommand(kind, name, file.getBytes(),
                    yenPerUnit, owner.accountId()));
        } catch (Imports.UnreadableFileException e) {
            redirect.addFlashAttribute("uploadError", "import.error.encoding");
            return "redirect:/imports";
        }
    }

    /** The yen per unit typed on the form (全角 too): empty when none, null when it is not a positive number. */
    private static Optional<BigDecimal> factor(String typed) {
        String plain = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().replace(",", "");
        if (plain.isEmpty()) {
            return Optional.empty();
        }
        if (!plain.matches("[0-9]{1,8}(\\.[0-9]{1,4})?")) {
            return null;
        }
        BigDecimal factor = new BigDecimal(plain);
        return factor.signum() > 0 ? Optional.of(factor) : null;
    }

    @GetMapping("/{id}")
    String job(@PathVariable long id, Model model) {
        ImportJob job = imports.job(id);
        model.addAttribute("job", job);
        model.addAttribute("fields", job.kind().fields());
        model.addAttribute("undoable", job.undoableAt(clock.instant()));
        model.addAttribute("warnings", imports.counts(job.warnings()));
        model.addAttribute("outcome", imports.counts(job.outcome()));
        if (!job.running() && !job.finished()) {
            model.addAttribute("preview", imports.preview(job));
        }
        return "imports/job";
    }

    @PostMapping("/{id}/check")
    String check(@PathVariable long id, @RequestParam Map<String, String> params,
            @AuthenticationPrincipal JorenUser owner) {
        ImportJob job = imports.job(id);
        if (job.running() || job.finished()) {
            return "redirect:/imports/" + id;
        }
        Map<String, Integer> mapping = new HashMap<>();
        params.forEach((name, column) -> {
            if (name.startsWith(MAPPING_PREFIX) && column.matches("\\d{1,4}")) {
                String field = name.substring(MAPPING_PREFIX.length());
                if (job.kind().fields().stream().anyMatch(f -> f.key().equals(field))) {
                    mapping.put(field, Integer.parseInt(column));
                }
            }
        });
        imports.check(id, mapping, owner.accountId());
        return "redirect:/imports/" + id + "#report";
    }

    /** Runs the import; {@code decision.<line>} is the owner's choice for a conflict row (create new by default). */
    @PostMapping("/{id}/run")
    String run(@PathVariable long id, @RequestParam(defaultValue = "false") boolean goodRowsOnly,
            @RequestParam Map<String, String> params, @AuthenticationPrincipal JorenUser owner,
            RedirectAttributes redirect) {
        Map<Long, ImportDecision> decisions = new HashMap<>();
        params.forEach((name, choice) -> {
            if (name.startsWith(DECISION_PREFIX) && name.substring(DECISION_PREFIX.length()).matches("\\d{1,9}")) {
                Arrays.stream(ImportDecision.values()).filter(d -> d.name().equals(choice)).findFirst().ifPresent(d ->
                        decisions.put(Long.parseLong(name.substring(DECISION_PREFIX.length())), d));
            }
        });
        if (!imports.run(new Imports.RunCommand(id, goodRowsOnly, decisions, owner.accountId()))) {
            redirect.addFlashAttribute("runError", "import.error.cannotRun");
        }
        return "redirect:/imports/" + id;
    }

    /** Undoes a customer import: or says which customers it created have been used since, and why. */
    @PostMapping("/{id}/undo")
    String undo(@PathVariable long id, @AuthenticationPrincipal JorenUser owner, RedirectAttributes redirect) {
        try {
            ImportUndo.Result result = undo.undo(id, owner.accountId());
            redirect.addFlashAttribute("undoResult", result);
        } catch (ImportUndo.NotUndoableException e) {
            redirect.addFlashAttribute("runError", "import.undo.notUndoable");
        } catch (DataIntegrityViolationException usedElsewhere) {
            // a record of a feature the undo does not know refers to what the import made: nothing was undone
            redirect.addFlashAttribute("runError", "import.undo.inUse");
        }
        return "redirect:/imports/" + id;
    }

    /** The progress bar's content, polled by htmx while the import runs. */
    @GetMapping("/{id}/progress")
    String progress(@PathVariable long id, Model model) {
        model.addAttribute("job", imports.job(id));
        return "imports/job :: progress";
    }
}
