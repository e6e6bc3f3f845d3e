package dev.stagecraft.runtime.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.annotations.StageType;
import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;
import dev.stagecraft.runtime.plan.Plan;
import dev.stagecraft.runtime.plan.PlanRequest;
import dev.stagecraft.runtime.plan.PlannedRun;
import dev.stagecraft.runtime.plan.Planner;
import dev.stagecraft.runtime.plan.Profile;
import dev.stagecraft.runtime.store.Store;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report shows the plan a run followed: its profile and each stage's decisions. */
class PlanSectionTest {
  @TempDir Path dir;

  private static PipelineDefinition pipeline() {
    ResourceRequest small = ResourceRequest.parse("1", "1Gi", 0);
    return PipelineDefinition.builder("planned")
        .stage(
            StageSpec.builder("validate")
                .type(StageType.VALIDATION)
                .resources(small)
                .body(call -> "ok")
                .build())
        .stage(
            StageSpec.builder("train")
                .type(StageType.TRAINING)
                .resources(small)
                .input(InputSpec.optionalOf("validate"))
                .body(call -> "model")
                .build())
        .build();
  }

  @Test
  void theReportListsEveryChangeWithItsRule() {
    RunOptions options =
        RunOptions.defaults().withMaxMilliCpu(4000).withMaxMemoryBytes(32L << 30).withGpus(1);
    Plan plan =
        Planner.plan(
            pipeline(),
            PlanRequest.of(options.capacity())
                .withProfile(
                    Profile.parse(
                        Map.of("environment", "production", "model_complexity", "medium"))));
    String runId;
    try (Store store = Store.open(dir)) {
      runId =
          PlannedRun.run(
                  pipeline(),
                  plan,
                  store.recordPlan(store.attach(options, "planned"), plan, Optional.empty()))
              .runId();
    }

    String html = HtmlReport.render(RunReports.load(dir, runId, name -> Optional.of(pipeline())));

    assertTrue(html.contains("<a href=\"#plan\">Plan</a>"), html);
    assertTrue(
        html.contains(
            "<tr><th>Profile</th><td><code>model_complexity=medium, environment=production</code>"
                + "</td></tr>"),
        html);
    assertTrue(
        html.contains(
            "<tr><td>validate</td><td>included</td><td><code>true</code></td><td><code>false"
                + "</code></td><td>skip-validation-in-production</td></tr>"),
        html);
    assertTrue(
        html.contains(
            "<tr><td>train</td><td>resources.gpu</td><td><code>0</code></td><td><code>1</code>"
                + "</td><td>training-resources-by-complexity</td></tr>"),
        html);
  }

  @Test
  void aRunWithoutARecordedPlanSaysSo() {
    String id = RecordedRuns.recordDemo(dir);

    String html =
        HtmlReport.render(RunReports.load(dir, id, name -> Optional.of(RecordedRuns.demo())));

    assertTrue(html.contains("<p class=\"muted\">The run recorded no plan.</p>"), html);
  }
}
