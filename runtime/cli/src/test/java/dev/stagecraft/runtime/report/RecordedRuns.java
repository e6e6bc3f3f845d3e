package dev.stagecraft.runtime.report;

import dev.stagecraft.runtime.engine.OutputStore;
import dev.stagecraft.runtime.engine.PipelineRunner;
import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.engine.StageKey;
import dev.stagecraft.runtime.graph.Condition;
import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.ParamType;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;
import dev.stagecraft.runtime.store.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs recorded through the store's own API, as {@code run} will record them: the engine with the
 * store's run history as its listener and every output saved in the store.
 */
public final class RecordedRuns {
  public static final String RUN_ID = "20260102-030405-abc123";
  static final String HOSTILE = "<script>alert('x')</script> & \"quoted\"";

  /** The A/B stage's output: a record, stored as JSON like any small output. */
  public record Decision(
      String selectedModel, double pValue, double confidence, boolean significant) {}

  /** A trained variant. */
  public record Model(String variant, double accuracy) {}

  private RecordedRuns() {}

  /**
   * A pipeline with every state: load -> train[a, b] -> abTest -> deploy (skipped by its
   * condition); load -> broken (fails) -> publish (upstream failed).
   */
  public static PipelineDefinition demo() {
    ResourceRequest small = ResourceRequest.parse("1", "1Mi", 0);
    return PipelineDefinition.builder("report-demo")
        .param(ParamSpec.optional("note", ParamType.STRING, "free text", "none"))
        .stage(
            StageSpec.builder("load").resources(small).params("note").body(call -> "rows").build())
        .stage(
            StageSpec.builder("train")
                .resources(small)
                .input(InputSpec.of("load"))
                .fanOut(new FanOut.Items(List.of("a", "b")))
                .body(
                    call -> {
                      String variant = call.item();
                      double accuracy = variant.equals("a") ? 0.9561 : 0.9824561;
                      call.context().metric("accuracy", accuracy);
                      call.context().metric("f1", accuracy - 0.001);
                      return new Model(variant, accuracy);
                    })
                .build())
        .stage(
            StageSpec.builder("abTest")
                .resources(small)
                .input(InputSpec.of("train"))
                .body(
                    call -> {
                      call.context().metric("p_value", 0.0123);
                      return new Decision("b", 0.0123, 0.9877, true);
                    })
                .build())
        .stage(
            StageSpec.builder("deploy")
                .resources(small)
                .input(InputSpec.of("abTest"))
                .condition(
                    new Condition(
                        "abTest.confidence > 0.99", List.of("abTest"), List.of(), scope -> false))
                .body(call -> "deployed")
                .build())
        .stage(
            StageSpec.builder("broken")
                .resources(small)
                .dependsOn("load")
                .body(
                    call -> {
                      throw new IllegalStateException("bad <input> & \"quotes\"");
                    })
                .build())
        .stage(
            StageSpec.builder("publish")
                .resources(small)
                .dependsOn("broken")
                .body(call -> null)
                .build())
        .build();
  }

  /** Records one run of {@link #demo()} in the store at {@code dir}; returns its id. */
  public static String recordDemo(Path dir) {
    try (Store store = Store.open(dir)) {
      RunOptions options =
          RunOptions.defaults()
              .withMaxMilliCpu(2000)
              .withMaxMemoryBytes(1L << 30)
              .withSeed(7)
              .withSleeper(d -> {})
              .withRunId(RUN_ID)
              .withListener(store.history())
              .withOutputStore(new SavingStore(store));
      PipelineRunner.runText(demo(), Map.of("note", HOSTILE), options);
    }
    return RUN_ID;
  }

  /** Saves every output in the store (no caching): what resume and the report read. */
  private record SavingStore(Store store) implements OutputStore {
    @Override
    public Optional<StoredOutput> lookup(StageKey key) {
      return Optional.empty();
    }

    @Override
    public void save(StageKey key, Object output) {
      store.saveOutput(key.runId(), key.instance(), output);
    }
  }
}
