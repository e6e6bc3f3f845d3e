package dev.stagecraft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.annotations.syntax.Quantities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optimizer end to end: the workload pipeline run three times through the CLI, then {@code plan
 * --json} predicts every stage from those runs (the median of the recorded wall times) and the
 * makespan by simulating the engine's policy on them, with and without a budget that forces
 * queueing; a fourth run records that plan, and {@code show} puts predicted beside actual.
 */
class WorkloadPredictionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> STAGES =
      List.of("load", "clean", "features", "audit", "train", "publish");

  /** Short sleeps: clean is the longest of the three branches by far, so the path is known. */
  private static final String[] PARAMS = {
    "-p",
    "loadMs=40",
    "-p",
    "cleanMs=200",
    "-p",
    "featuresMs=60",
    "-p",
    "auditMs=50",
    "-p",
    "trainMs=80",
    "-p",
    "publishMs=20"
  };

  @TempDir Path home;

  private CliRun execute(String... args) {
    return CliRun.in(home, args);
  }

  private CliRun workload(String command, String... more) {
    List<String> args = new ArrayList<>(List.of(command, "workload"));
    args.addAll(List.of(PARAMS));
    args.addAll(List.of(more));
    return execute(args.toArray(String[]::new));
  }

  private JsonNode json(CliRun o) throws Exception {
    assertEquals(0, o.code(), o.err());
    return JSON.readTree(o.out());
  }

  @Test
  void planPredictsFromTheRunsBeforeIt() throws Exception {
    JsonNode none = json(workload("plan", "--max-cpu", "8", "--json"));
    for (JsonNode s : none.get("stages")) {
      assertEquals(0, s.at("/predicted/confidence").doubleValue(), s.toString());
      assertTrue(s.at("/predicted/basis").asText().startsWith("no history"), s.toString());
    }

    Map<String, List<Long>> wallMs = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      JsonNode run = json(workload("run", "--max-cpu", "8", "--json"));
      assertEquals("SUCCEEDED", run.get("status").asText());
      for (JsonNode s : run.get("stages")) {
        wallMs
            .computeIfAbsent(s.get("name").asText(), k -> new ArrayList<>())
            .add(s.get("durationMs").longValue());
      }
    }
    Map<String, Double> median = new LinkedHashMap<>();
    wallMs.forEach(
        (stage, ms) -> {
          List<Long> sorted = new ArrayList<>(ms);
          Collections.sort(sorted);
          median.put(stage, sorted.get(1) / 1000.0);
        });
    assertEquals(STAGES, List.copyOf(median.keySet()));

    JsonNode plan = json(workload("plan", "--max-cpu", "8", "--json"));
    for (JsonNode s : plan.get("stages")) {
      String name = s.get("name").asText();
      assertEquals(median.get(name), s.at("/predicted/durationSeconds").doubleValue(), 1e-9, name);
      assertTrue(s.at("/predicted/confidence").doubleValue() > 0, s.toString());
      assertTrue(
          s.at("/predicted/basis").asText().startsWith("median of 3 executions"), s.toString());
    }
    assertEquals("[\"load\",\"clean\",\"train\",\"publish\"]", plan.get("criticalPath").toString());
    double path =
        median.get("load") + median.get("clean") + median.get("train") + median.get("publish");
    assertEquals(path, plan.at("/predicted/criticalPathSeconds").doubleValue(), 1e-9);
    // eight cores: the three branches run at once, so the run takes its critical path
    assertEquals(path, plan.at("/predicted/makespanSeconds").doubleValue(), 1e-9);
    assertEquals(3, plan.at("/maxParallel/clean,features,audit").intValue());

    // one core: everything queues, one stage after another
    JsonNode queued = json(workload("plan", "--max-cpu", "1", "--json"));
    double all = median.values().stream().mapToDouble(Double::doubleValue).sum();
    assertEquals(all, queued.at("/predicted/makespanSeconds").doubleValue(), 1e-9);
    assertEquals(all, queued.at("/predicted/resourceBoundSeconds").doubleValue(), 1e-9);
    assertEquals(1, queued.at("/maxParallel/clean,features,audit").intValue());

    JsonNode fourth = json(workload("run", "--max-cpu", "8", "--json"));
    String runId = fourth.get("runId").asText();
    JsonNode shown = json(execute("show", runId, "--json"));
    for (JsonNode s : shown.get("stages")) {
      assertEquals(
          median.get(s.get("name").asText()),
          s.get("predictedSeconds").doubleValue(),
          1e-9,
          s.toString());
    }
    assertEquals(path, shown.at("/plan/predicted/makespanSeconds").doubleValue(), 1e-9);
    CliRun text = execute("show", runId);
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().contains("PREDICTED"), text.out());
    assertTrue(text.out().contains("\nmakespan: took "), text.out());

    Path html = home.resolve("report.html");
    CliRun report = execute("report", runId, "-o", html.toString());
    assertEquals(0, report.code(), report.err());
    String page = Files.readString(html);
    assertTrue(page.contains("<h2>Predicted and actual</h2>"), page);
    assertTrue(page.contains("<td><code>clean</code></td>"), page);
    assertTrue(page.contains("<h2>Pipeline metrics</h2>"), page);
    assertTrue(page.contains("Over the pipeline's latest 4 runs in the store"), page);
  }

  @Test
  void optimizeRightSizesFromObservedUseAndRecordsEachChange() throws Exception {
    json(workload("run", "--max-cpu", "8", "--json"));

    JsonNode plan = json(workload("plan", "--max-cpu", "8", "--optimize", "--json"));
    for (JsonNode s : plan.get("stages")) {
      List<String> rules = new ArrayList<>();
      s.get("changes").forEach(c -> rules.add(c.get("rule").asText()));
      assertTrue(rules.contains("right-sizing"), s.toString());
      // sleeping stages use a small share of their core: right-sized below what they declare
      assertTrue(Quantities.cpuMillis(s.at("/resources/cpu").asText()) < 1000, s.toString());
    }
    double before = plan.at("/improvement/cost/before").doubleValue();
    double after = plan.at("/improvement/cost/after").doubleValue();
    assertTrue(after < before, plan.get("improvement").toString());

    JsonNode run = json(workload("run", "--max-cpu", "8", "--optimize", "--json"));
    assertEquals("SUCCEEDED", run.get("status").asText());
    JsonNode recorded = json(execute("show", run.get("runId").asText(), "--json")).get("plan");
    assertEquals(
        plan.at("/stages/0/resources").toString(), recorded.at("/stages/0/resources").toString());
  }

  @Test
  void aNegativeSleepIsRefusedBeforeAnyStageRuns() {
    CliRun o = execute("run", "workload", "-p", "loadMs=-5");
    assertEquals(2, o.code(), o.err());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertTrue(o.err().contains("loadMs"), o.err());
  }

  @Test
  void statsSummarisesTheRunsAndRefusesToReadNone() throws Exception {
    json(workload("run", "--max-cpu", "8", "--json"));
    json(workload("run", "--max-cpu", "8", "--json"));

    JsonNode stats = json(execute("stats", "workload", "--json"));
    assertEquals(2, stats.get("runs").intValue());
    assertEquals(1.0, stats.get("observedSuccessRate").doubleValue());
    assertEquals(1.0, stats.get("pipelineSuccessRate").doubleValue());
    assertEquals(6, stats.at("/metrics/nodeCount").intValue());
    assertEquals(STAGES.size(), stats.get("stages").size());
    assertFalse(stats.at("/costPerRun/total").isNull());

    CliRun zero = execute("stats", "workload", "--last", "0");
    assertEquals(2, zero.code());
    assertEquals(1, zero.err().strip().lines().count(), zero.err());
  }
}
