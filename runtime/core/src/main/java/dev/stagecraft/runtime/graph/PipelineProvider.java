package dev.stagecraft.runtime.graph;

import java.util.Optional;

/**
 * A pipeline found through {@link java.util.ServiceLoader}. The processor generates one per
 * {@code @Pipeline} class and registers it in {@code META-INF/services}.
 */
public interface PipelineProvider {
  /** The pipeline's name, as {@code stagecraft run NAME} takes it. */
  String name();

  /** A one-line description. */
  String description();

  /** The definition, with stage bodies calling a new instance of the pipeline class. */
  PipelineDefinition definition();

  /**
   * Why the command line cannot run this pipeline, or empty when it can: a pipeline class without a
   * public no-argument constructor cannot be created by it (it still runs from code, through the
   * generated builder given a pipeline object). Its definition still describes it.
   */
  default Optional<String> notRunnableReason() {
    return Optional.empty();
  }
}
