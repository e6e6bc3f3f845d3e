package dev.stagecraft.runtime.engine;

import static dev.stagecraft.runtime.engine.Graphs.options;
import static dev.stagecraft.runtime.engine.Graphs.pipeline;
import static dev.stagecraft.runtime.engine.Graphs.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.ParamType;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.StageSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class CachingAndResumeTest {
  /** An in-memory store keyed by stage, version, inputs, params and item. */
  static class MemoryStore implements OutputStore {
    final Map<List<Object>, Object> saved = new ConcurrentHashMap<>();
    final List<String> savedInstances = Collections.synchronizedList(new ArrayList<>());

    private static List<Object> key(StageKey k) {
      return List.of(k.pipeline(), k.stage(), k.version(), k.inputs(), k.params(), k.item());
    }

    @Override
    public Optional<StoredOutput> lookup(StageKey key) {
      return Optional.ofNullable(saved.get(key(key))).map(StoredOutput::new);
    }

    @Override
    public void save(StageKey key, Object output) {
      if (output instanceof Thread) {
        throw new IllegalArgumentException(
            "no codec stores a Thread: return data, or register a Codec");
      }
      savedInstances.add(key.instance());
      saved.put(key(key), output);
    }
  }

  private final AtomicInteger prepared = new AtomicInteger();
  private final AtomicInteger trained = new AtomicInteger();

  /** A cached stage that reads parameter {@code n} and counts its executions. */
  private StageSpec prep() {
    return stage(
            "prep",
            call -> {
              prepared.incrementAndGet();
              return (int) call.param("n") * 10;
            })
        .params("n")
        .cache(true)
        .build();
  }

  private PipelineDefinition def() {
    return pipeline("cached")
        .param(ParamSpec.optional("n", ParamType.INT, "", "2"))
        .stage(prep())
        .stage(
            stage(
                    "train",
                    call -> {
                      trained.incrementAndGet();
                      return call.<Integer>input("prep") + call.<String>item();
                    })
                .input(InputSpec.of("prep"))
                .fanOut(new FanOut.Items(List.of("a", "b")))
                .cache(true)
                .build())
        .stage(
            stage("report", call -> call.<List<String>>input("train").toString())
                .input(InputSpec.of("train"))
                .build())
        .build();
  }

  @Test
  void aCacheHitIsCachedAndDoesNotExecute() {
    MemoryStore store = new MemoryStore();
    RunResult first = PipelineRunner.run(def(), Map.of(), options(2).withOutputStore(store));
    assertEquals("[20a, 20b]", first.output("report"));
    assertEquals(
        List.of("prep", "report", "train[0]", "train[1]"),
        store.savedInstances.stream().sorted().toList());

    RunResult second = PipelineRunner.run(def(), Map.of(), options(2).withOutputStore(store));

    assertEquals(1, prepared.get());
    assertEquals(2, trained.get());
    assertEquals(StageStatus.CACHED, second.outcome("prep").orElseThrow().status());
    assertEquals(StageStatus.CACHED, second.outcome("train[1]").orElseThrow().status());
    assertEquals(StageStatus.SUCCEEDED, second.outcome("report").orElseThrow().status());
    assertEquals("[20a, 20b]", second.output("report"));

    PipelineRunner.run(def(), Map.of("n", 3), options(2).withOutputStore(store));
    assertEquals(2, prepared.get(), "another parameter value is another key");

    PipelineRunner.run(def(), Map.of(), options(2).withOutputStore(store).withUseCache(false));
    assertEquals(3, prepared.get(), "--no-cache runs the stage again");
  }

  @Test
  void aCachedStageIsCachedWhenOnlyAParameterItDoesNotReadChanged() {
    PipelineDefinition def =
        pipeline("unread")
            .param(ParamSpec.optional("n", ParamType.INT, "", "2"))
            .param(ParamSpec.optional("label", ParamType.STRING, "", "x"))
            .stage(prep())
            .stage(
                stage("report", call -> call.<String>param("label") + call.<Integer>input("prep"))
                    .input(InputSpec.of("prep"))
                    .params("label")
                    .build())
            .build();
    MemoryStore store = new MemoryStore();
    PipelineRunner.run(def, Map.of("label", "x"), options(2).withOutputStore(store));

    RunResult relabelled =
        PipelineRunner.run(def, Map.of("label", "y"), options(2).withOutputStore(store));

    assertEquals(StageStatus.CACHED, relabelled.outcome("prep").orElseThrow().status());
    assertEquals("y20", relabelled.output("report"));
    assertEquals(1, prepared.get());
  }

  @Test
  void anOutputTheStoreCannotSaveFailsTheStageWithTheStoresMessage() {
    PipelineDefinition def =
        pipeline("unstorable").stage(stage("spawn", call -> new Thread()).build()).build();

    RunResult r = PipelineRunner.run(def, Map.of(), options(1).withOutputStore(new MemoryStore()));

    assertEquals(StageStatus.FAILED, r.outcome("spawn").orElseThrow().status());
    assertEquals(
        "IllegalArgumentException: no codec stores a Thread: return data, or register a Codec",
        r.outcome("spawn").orElseThrow().reason());
  }

  @Test
  void aResumedRunReusesTheOutputsOfExecutionsThatSucceeded() {
    List<String> seenResumedFrom = new ArrayList<>();
    RunListener listener =
        new RunListener() {
          @Override
          public void runStarted(RunInfo run) {
            seenResumedFrom.add(run.resumedFrom().orElse("none"));
          }
        };
    RunResult r =
        PipelineRunner.run(
            def(),
            Map.of(),
            options(2)
                .withListener(listener)
                .withResume(
                    "run-0",
                    Map.of(
                        "prep",
                        new OutputStore.StoredOutput(7),
                        "train[0]",
                        new OutputStore.StoredOutput("old-a"))));

    assertEquals(0, prepared.get());
    assertEquals(1, trained.get());
    assertEquals(StageStatus.CACHED, r.outcome("prep").orElseThrow().status());
    assertEquals("reused from run run-0", r.outcome("prep").orElseThrow().reason());
    assertEquals("[old-a, 7b]", r.output("report"));
    assertEquals(List.of("run-0"), seenResumedFrom);
  }

  @Test
  void reusedOutputsAreSavedForTheResumedRunSoItCanBeResumedAgain() {
    MemoryStore store = new MemoryStore();
    PipelineRunner.run(
        def(),
        Map.of(),
        options(2)
            .withOutputStore(store)
            .withUseCache(false)
            .withResume("run-0", Map.of("prep", new OutputStore.StoredOutput(7))));

    assertEquals(0, prepared.get());
    assertEquals(
        List.of("prep", "report", "train[0]", "train[1]"),
        store.savedInstances.stream().sorted().toList());
  }
}
