package dev.stagecraft.runtime.graph;

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
}
