package dev.stagecraft.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.components.search.TrialState;
import dev.stagecraft.runtime.components.train.HyperparameterSearch;
import dev.stagecraft.runtime.components.train.TrialRecord;
import dev.stagecraft.runtime.engine.RunInfo;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.store.Store;
import dev.stagecraft.runtime.store.artifact.ArtifactRef;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A training output with a pruned trial, through the store and into the report. */
class TrialHistoryReportTest {
  private static final String RUN = "20260103-010203-feed01";
  private static final Instant T0 = Instant.parse("2026-01-03T01:02:03Z");

  /** Shaped like a trained model: a large model field next to the history. */
  public record Trained(String model, List<TrialRecord> history) {}

  /** Shaped like a variant of the main job. */
  public record Variant(String variant, Trained model) {}

  private static final List<TrialRecord> HISTORY =
      List.of(
          trial(0, List.of(0.95, 0.95), TrialState.COMPLETE, 1200),
          trial(1, List.of(0.99), TrialState.PRUNED, 300),
          trial(2, List.of(0.97, 0.97), TrialState.COMPLETE, 1100),
          trial(3, List.of(0.90), TrialState.PRUNED, 250));

  private static TrialRecord trial(int n, List<Double> folds, TrialState state, long ms) {
    double mean = folds.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    return new TrialRecord(
        n,
        "logistic_regression",
        Map.of("learning_rate", 0.0123 * (n + 1)),
        folds,
        mean,
        "tpe",
        state,
        ms);
  }

  @TempDir Path dir;

  @Test
  void aPrunedTrialIsStoredAndShownWithItsPartialScoreAndNeverAsBest() {
    Variant output = new Variant("a", new Trained("x".repeat(20_000), HISTORY));
    try (Store store = Store.open(dir)) {
      store.history().runStarted(new RunInfo(RUN, "search-demo", Map.of(), T0, Optional.empty()));
      store
          .history()
          .stageFinished(
              RUN,
              new StageExecution(
                  "train[0]",
                  "train",
                  Optional.of(0),
                  Optional.of("a"),
                  StageStatus.SUCCEEDED,
                  1,
                  Optional.of(T0),
                  Optional.of(T0.plusSeconds(3)),
                  3000,
                  0,
                  0,
                  Map.of(),
                  "",
                  List.of()));
      store.saveOutput(RUN, "train[0]", output);
      store.history().runFinished(RUN, RunStatus.SUCCEEDED, T0.plusSeconds(4));

      ArtifactRef ref = store.storedOutputs(RUN).get("train[0]");
      assertTrue(ref.size() > RunReports.MAX_OUTPUT_BYTES, "larger than a small output");
      Variant back = (Variant) store.read(ref, Variant.class);
      assertEquals(HISTORY, back.model().history());
      assertEquals(TrialState.PRUNED, back.model().history().get(1).state());
      assertEquals(2, HyperparameterSearch.best(back.model().history()).trial());
    }

    RunReport report = RunReports.load(dir, RUN, name -> Optional.empty());
    assertEquals(List.of(), report.outputs(), "too large for a key/value card");
    TrialTable table = report.trials().get(0);
    assertEquals("train[0]", table.instance());
    assertEquals(
        new TrialTable.Row(
            1, "logistic_regression", "tpe", "learning_rate=0.0246", 0.99, 1, "pruned", 300, false),
        table.rows().get(1));
    assertEquals(
        List.of(false, false, true, false), table.rows().stream().map(r -> r.best()).toList());

    String html = HtmlReport.render(report);
    assertTrue(html.contains("<section id=\"trials\">"));
    assertTrue(
        html.contains("<code>train[0]</code> <span class=\"muted\">4 trials, 2 pruned</span>"));
    assertTrue(
        html.contains(
            "<tr data-trial=\"1\" class=\"pruned\"><td class=\"num\">1</td><td>logistic_regression"
                + "</td><td>tpe</td><td><code>learning_rate=0.0246</code></td>"
                + "<td class=\"num\">0.99</td><td class=\"num\">1</td><td>pruned</td>"
                + "<td class=\"num\">300 ms</td></tr>"),
        html);
    assertTrue(
        html.contains(
            "<tr data-trial=\"2\" class=\"best\"><td class=\"num\">2</td><td>logistic_regression"
                + "</td><td>tpe</td><td><code>learning_rate=0.0369</code></td>"
                + "<td class=\"num\">0.97</td><td class=\"num\">2</td><td>complete"
                + " <span class=\"badge best\">best</span></td><td class=\"num\">1.1 s</td></tr>"),
        html);
  }

  @Test
  void aRunWithoutASearchHasNoSearchSection() {
    String id = RecordedRuns.recordDemo(dir);
    String html = HtmlReport.render(RunReports.load(dir, id, name -> Optional.empty()));
    assertFalse(html.contains("id=\"trials\""));
  }
}
