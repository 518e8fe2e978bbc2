package jp.joren.nightly;

import java.time.Clock;
import java.util.List;

import jp.joren.accounts.JorenUser;
import jp.joren.accounts.OwnerOnly;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's view of the nightly runs: when, how long, how many customers, the result; and "run now". */
@OwnerOnly
@Controller
@RequestMapping("/runs")
@RequiredArgsConstructor
class NightlyRunController {

    private final NightlyRuns runs;
    private final ManualRuns manualRuns;
    private final Clock clock;

    @GetMapping
    @Transactional(readOnly = true)
    public String list(Model model) {
        addRuns(model);
        return "nightly/runs";
    }

    /** The table alone: the page polls it while a run is working. */
    @GetMapping("/table")
    @Transactional(readOnly = true)
    public String table(Model model) {
        addRuns(model);
        return "nightly/runs :: table";
    }

    private void addRuns(Model model) {
        List<NightlyRuns.Run> recent = runs.recent(60, clock.instant());
        model.addAttribute("runs", recent);
        model.addAttribute("anyRunning", recent.stream().anyMatch(NightlyRuns.Run::running));
    }

    @PostMapping
    String runNow(@AuthenticationPrincipal JorenUser owner, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice",
                manualRuns.start(owner.accountId()).isPresent() ? "runs.started" : "runs.alreadyQueued");
        return "redirect:/runs";
    }
}
