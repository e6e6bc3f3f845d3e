package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageBody;
import dev.stagecraft.runtime.graph.StageSpec;
import java.util.Map;

/** Small helpers to build graphs by hand in tests. */
final class Graphs {
  private Graphs() {}

  static final ResourceRequest SMALL = ResourceRequest.parse("1", "1Mi", 0);

  static StageSpec.Builder stage(String name, StageBody body) {
    return StageSpec.builder(name).resources(SMALL).body(body);
  }

  static PipelineDefinition.Builder pipeline(String name) {
    return PipelineDefinition.builder(name);
  }

  /** Options with room for {@code cpus} one-core stages, seeded, with no real backoff waits. */
  static RunOptions options(int cpus) {
    return RunOptions.defaults()
        .withMaxMilliCpu(cpus * 1000L)
        .withMaxMemoryBytes(1L << 30)
        .withSeed(7)
        .withSleeper(d -> {});
  }

  static RunResult run(PipelineDefinition def, RunOptions options) {
    return PipelineRunner.run(def, Map.of(), options);
  }
}
