package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.graph.PipelineDefinition;
import java.util.Map;

/**
 * STAND-IN so generated code compiles on the processor branch: the engine branch owns the real
 * class with this exact signature (on merge, take the engine's version).
 */
public final class PipelineRunner {
  private PipelineRunner() {}

  /** Runs a pipeline with the given parameter values and options. */
  public static RunResult run(PipelineDefinition definition, Map<String, Object> params, RunOptions options) {
    throw new UnsupportedOperationException("the engine is not merged into this branch yet");
  }
}
