package jp.joren.imports;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jp.joren.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An owner's steps on the import pages: upload, check with the guessed columns, run, wait for the result. */
final class ImportSteps {

    private final WebSession owner;

    ImportSteps(WebSession owner) {
        this.owner = owner;
    }

    String upload(String kind, String filename, byte[] content) {
        return upload(kind, filename, content, Map.of());
    }

    /** Uploads with more fields of the upload form (e.g. the currency factor). */
    String upload(String kind, String filename, byte[] content, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("_csrf", owner.csrfToken("/imports"));
        form.put("kind", kind);
        WebSession.Page uploaded = owner.upload("/imports", form, "file", filename, content);
        assertThat(uploaded.status()).isEqualTo(302);
        assertThat(uploaded.path()).matches("/imports/\\d+");
        return uploaded.path();
    }

    /** Presses "check every row" with the column mapping the page guessed (its selected options). */
    WebSession.Page check(String job) {
        Map<String, String> mapping = new HashMap<>();
        owner.get(job).document().select("form.mapping select").forEach(select -> {
            var chosen = select.selectFirst("option[selected]");
            mapping.put(select.attr("name"), chosen == null ? "" : chosen.val());
        });
        WebSession.Page checked = owner.submit(job, "form.mapping", mapping);
        return owner.open(checked.path().replaceFirst("#.*", ""));
    }

    /** Runs the good rows with these choices for the conflict rows (e.g. decision.2 = UPDATE). */
    String run(String job, Map<String, String> choices) {
        Map<String, String> fields = new HashMap<>(choices);
        fields.put("_csrf", owner.csrfToken(job));
        fields.put("goodRowsOnly", "true");
        owner.post(job + "/run", fields);
        return waitUntilFinished(job);
    }

    String waitUntilFinished(String job) {
        return await("the import to finish").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> owner.get(job).document().select("#import-done, #import-failed").text(), done -> !done.isEmpty());
    }

    WebSession.Page undo(String job) {
        WebSession.Page undone = owner.post(job + "/undo", Map.of("_csrf", owner.csrfToken(job)));
        assertThat(undone.status()).isEqualTo(302);
        return owner.open(undone.path());
    }
}
