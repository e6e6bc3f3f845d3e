package dev.stagecraft.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.runtime.cli.Cli.Result;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class StagecraftCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @org.junit.jupiter.api.io.TempDir static java.nio.file.Path home;

  /** The environment every test gets: a store of its own. */
  private static Map<String, String> env(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(extra);
    env.putIfAbsent("STAGECRAFT_HOME", home.resolve("store").toString());
    return env;
  }

  private static Result cli(Map<String, String> extraEnv, boolean terminal, String... args) {
    return Cli.run(env(extraEnv), terminal, args);
  }

  private static Result cli(String... args) {
    return cli(Map.of(), false, args);
  }

  private static void assertOneLineError(Result r, int code, String line) {
    assertEquals(code, r.code(), r.err());
    assertEquals(List.of(line), r.errLines());
    assertEquals("", r.out());
  }

  @Test
  void listsPipelinesAsTextAndJson() throws Exception {
    Result text = cli("list");
    assertEquals(0, text.code());
    assertTrue(text.out().contains("diamond    A diamond of typed stages\n"), text.out());

    Result json = cli("list", "--json");
    JsonNode all = JSON.readTree(json.out());
    List<String> names = new ArrayList<>();
    all.forEach(n -> names.add(n.get("name").asText()));
    assertEquals(
        List.of(
            "broken",
            "diamond",
            "failing",
            "flaky",
            "gated",
            "huge",
            "killable",
            "matrices",
            "no-ctor",
            "resumable"),
        names);
  }

  @Test
  void describesAPipelineInEveryFormat() throws Exception {
    Result text = cli("describe", "diamond");
    assertEquals(0, text.code());
    assertTrue(text.out().contains("inputDataPath (Path) required - the input CSV"), text.out());
    assertTrue(text.out().contains("after source, left, right"), text.out());
    assertTrue(text.out().contains("for each [a, b]"), text.out());

    JsonNode json = JSON.readTree(cli("describe", "diamond", "--format", "json").out());
    assertEquals("diamond", json.get("name").asText());
    assertEquals("3", json.get("params").get(1).get("default").asText());
    assertEquals("100m", json.get("stages").get(0).get("resources").get("cpu").asText());
    assertEquals("a", json.get("stages").get(4).get("forEach").get("items").get(0).asText());

    String mermaid = cli("describe", "diamond", "--format", "mermaid").out();
    assertTrue(mermaid.startsWith("flowchart TD\n"), mermaid);
    assertTrue(mermaid.contains("  source --> left\n"), mermaid);
    assertTrue(mermaid.contains("  source -.-> join\n"), mermaid);

    String dot = cli("describe", "diamond", "--format", "dot").out();
    assertTrue(dot.startsWith("digraph \"diamond\" {"), dot);
    assertTrue(dot.contains("\"left\" -> \"join\";"), dot);

    Result bad = cli("describe", "diamond", "--format", "svg");
    assertEquals(2, bad.code());
    assertEquals(1, bad.errLines().size(), bad.err());
  }

  @Test
  void runJsonPrintsExactlyOneJsonObjectAndLogsProgressToStderr() throws Exception {
    Result r = cli("run", "diamond", "-p", "inputDataPath=data.csv", "-p", "nTrials=5", "--json");

    assertEquals(0, r.code(), r.err());
    assertEquals(1, r.out().strip().split("\n").length, r.out());
    JsonNode run = JSON.readTree(r.out());
    List<String> fields = new ArrayList<>();
    run.fieldNames().forEachRemaining(fields::add);
    assertEquals(List.of("runId", "pipeline", "status", "stages"), fields);
    assertEquals("SUCCEEDED", run.get("status").asText());
    assertEquals("diamond", run.get("pipeline").asText());
    JsonNode stages = run.get("stages");
    List<String> names = new ArrayList<>();
    stages.forEach(s -> names.add(s.get("name").asText()));
    assertEquals(List.of("source", "left", "right", "join", "train[0]", "train[1]"), names);
    JsonNode first = stages.get(0);
    List<String> stageFields = new ArrayList<>();
    first.fieldNames().forEachRemaining(stageFields::add);
    assertEquals(
        List.of(
            "name",
            "status",
            "attempts",
            "durationMs",
            "reason",
            "item",
            "metrics",
            "failedAttempts"),
        stageFields);
    assertTrue(first.get("item").isNull());
    assertEquals("b", stages.get(5).get("item").asText());
    assertEquals(0.8, stages.get(5).get("metrics").get("accuracy").asDouble());
    assertEquals(1, stages.get(5).get("attempts").asInt());
    assertTrue(r.err().contains("join SUCCEEDED"), r.err());
  }

  @Test
  void runWithoutJsonPrintsATable() {
    Result r = cli("run", "diamond", "-p", "inputDataPath=data.csv");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains(": SUCCEEDED"), r.out());
    assertTrue(r.out().contains("train[1]"), r.out());
  }

  @Test
  void aFailedRunExitsOne() throws Exception {
    Result r = cli("run", "failing", "--json");
    assertEquals(1, r.code());
    JsonNode run = JSON.readTree(r.out());
    assertEquals("FAILED", run.get("status").asText());
    assertEquals("IllegalStateException: boom", run.get("stages").get(0).get("reason").asText());
    assertEquals("UPSTREAM_FAILED", run.get("stages").get(1).get("status").asText());
  }

  @Test
  void anUnknownPipelineIsOneLineWithASuggestion() {
    assertOneLineError(
        cli("run", "diamnd"), 2, "error: unknown pipeline 'diamnd' (did you mean 'diamond'?)");
    assertOneLineError(
        cli("describe", "zzz"),
        2,
        "error: unknown pipeline 'zzz' (known: broken, diamond, failing, flaky, gated, huge, killable, matrices, no-ctor, resumable; add your"
            + " own compiled pipelines with STAGECRAFT_CLASSPATH)");
  }

  @Test
  void parameterErrorsAreOneLineAndExitTwo() {
    assertOneLineError(
        cli("run", "diamond", "-p", "inputDataPath=x", "-p", "nTrails=3"),
        2,
        "error: unknown parameter 'nTrails' for pipeline 'diamond' (did you mean 'nTrials'?)");
    assertOneLineError(
        cli("run", "diamond", "-p", "inputDataPath=x", "-p", "nTrials=abc"),
        2,
        "error: parameter 'nTrials' expects int: \"abc\" is not an int");
    assertOneLineError(
        cli("run", "diamond"),
        2,
        "error: missing required parameter 'inputDataPath' (Path):"
            + " set it with -p inputDataPath=VALUE or the builder's inputDataPath(...)");
  }

  @Test
  void badQuantitiesAndImpossibleStagesAreOneLineAndExitTwo() {
    assertOneLineError(
        cli("run", "diamond", "-p", "inputDataPath=x", "--max-memory", "8GB"),
        2,
        "error: --max-memory: memory \"8GB\" is not a Kubernetes quantity (use 8Gi or 8G)");
    assertOneLineError(
        cli("run", "diamond", "-p", "inputDataPath=x", "--max-cpu", "lots"),
        2,
        "error: --max-cpu: cpu \"lots\" is not a Kubernetes quantity (use cores such as \"2\" or"
            + " \"1.5\", or millicores such as \"500m\")");
    assertOneLineError(
        cli("run", "diamond", "-p", "inputDataPath=x", "--gpus", "-1"),
        2,
        "error: --gpus -1 must not be negative");
    Result huge = cli("run", "huge", "--max-cpu", "2", "--max-memory", "4Gi");
    assertOneLineError(
        huge,
        2,
        "error: stage 'train' asks cpu=64, memory=1Gi, gpu=0 but the capacity is cpu=2,"
            + " memory=4Gi, gpu=0: raise --max-cpu, --max-memory or --gpus, or lower its"
            + " @Resources");
  }

  @Test
  void usageErrorsAreOneLineAndExitTwo() {
    Result missing = cli("run");
    assertEquals(2, missing.code());
    assertEquals(1, missing.errLines().size(), missing.err());
    assertTrue(
        missing.err().startsWith("error: Missing required parameter: 'PIPELINE'"), missing.err());

    Result none = cli();
    assertOneLineError(
        none,
        2,
        "error: name a command: list, describe, plan, run, stats, resume, runs, show, report, logs,"
            + " preprocess, deployments, doctor, gc, export, stage, tenants, serve, submit (see"
            + " 'stagecraft --help')");

    Result unknownOption = cli("run", "diamond", "--frobnicate");
    assertEquals(2, unknownOption.code());
    assertEquals(1, unknownOption.errLines().size(), unknownOption.err());
  }

  @Test
  void aPipelineTheCommandLineCannotCreateIsDescribedButNotRunAndSaysHow() {
    assertEquals(0, cli("describe", "no-ctor").code());
    assertOneLineError(cli("run", "no-ctor"), 2, "error: " + TestPipelines.NoConstructor.WHY);
  }

  @Test
  void internalErrorsAreOneLineUnlessVerbose() {
    Result r = cli("describe", "broken");
    assertOneLineError(
        r,
        3,
        "internal error: java.lang.IllegalStateException: generated code is out of date"
            + " (rerun with --verbose for the stack trace)");

    Result verbose = cli("describe", "broken", "--verbose");
    assertEquals(3, verbose.code());
    assertTrue(verbose.errLines().size() > 3, verbose.err());
    assertTrue(verbose.err().contains("\tat dev.stagecraft"), verbose.err());

    Map<String, String> debug = new HashMap<>();
    debug.put("STAGECRAFT_DEBUG", "1");
    assertTrue(cli(debug, false, "describe", "broken").errLines().size() > 3);
  }

  @Test
  void aMissingClasspathEntryIsAUsageError() {
    Result r = cli(Map.of("STAGECRAFT_CLASSPATH", "/no/such/dir"), false, "list");
    assertEquals(2, r.code());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(
        r.err().startsWith("error: STAGECRAFT_CLASSPATH entry '/no/such/dir' does not exist"),
        r.err());
  }

  @Test
  void aTerminalGetsALiveStatusLine() {
    Result r = cli(Map.of(), true, "run", "failing");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("\r\u001b[K"), r.err());
    assertTrue(r.err().contains("bad FAILED: IllegalStateException: boom"), r.err());
    assertTrue(r.err().contains("FAILED: 0 done, 0 skipped, 2 failed or not run"), r.err());
    assertFalse(r.out().isEmpty());
  }

  @Test
  void resumeReusesWhatTheFailedRunFinishedAndCachedStagesAreReused(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path store) throws Exception {
    Map<String, String> env = Map.of("STAGECRAFT_HOME", store.toString());
    TestPipelines.Resumable.trainFails = true;
    int prepared = TestPipelines.Resumable.PREPARED.get();
    int expensive = TestPipelines.Resumable.CACHED_RUNS.get();

    Result failed = cli(env, false, "run", "resumable", "-p", "rows=7", "--json");
    assertEquals(1, failed.code(), failed.err());
    String runId = JSON.readTree(failed.out()).get("runId").asText();

    TestPipelines.Resumable.trainFails = false;
    Result resumed = cli(env, false, "resume", runId, "--json");

    assertEquals(0, resumed.code(), resumed.err());
    JsonNode stages = JSON.readTree(resumed.out()).get("stages");
    assertEquals("CACHED", stages.get(0).get("status").asText());
    assertEquals("reused from run " + runId, stages.get(0).get("reason").asText());
    assertEquals("SUCCEEDED", stages.get(2).get("status").asText());
    assertEquals(prepared + 1, TestPipelines.Resumable.PREPARED.get(), "prep ran once in all");

    Result again = cli(env, false, "run", "resumable", "-p", "rows=7", "--json");
    assertEquals(0, again.code(), again.err());
    JsonNode expensiveStage = JSON.readTree(again.out()).get("stages").get(1);
    assertEquals("CACHED", expensiveStage.get("status").asText());
    assertEquals(expensive + 1, TestPipelines.Resumable.CACHED_RUNS.get(), "cached, not run again");

    Result runs = cli(env, false, "runs", "--json", "--store", store.toString());
    assertEquals(0, runs.code(), runs.err());
    assertEquals(3, JSON.readTree(runs.out()).size());
  }

  @Test
  void resumingAnUnknownRunIsOneLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path store) {
    Map<String, String> env = Map.of("STAGECRAFT_HOME", store.toString());
    assertEquals(0, cli(env, false, "run", "diamond", "-p", "inputDataPath=x").code());
    Result r = cli(env, false, "resume", "nope");
    assertEquals(2, r.code());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().startsWith("error: no run 'nope' in the store"), r.err());
  }

  @Test
  void resumingWithoutAStoreIsOneLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    java.nio.file.Path none = dir.resolve("none");
    Result r = cli(Map.of("STAGECRAFT_HOME", none.toString()), false, "resume", "20260102-aaa111");
    assertOneLineError(r, 2, "error: no store at " + none + ": pass --store DIR of the run");
    assertFalse(java.nio.file.Files.exists(none), "resume does not create a store");
  }
}
