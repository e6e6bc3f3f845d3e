package dev.stagecraft.runtime.server;

import dev.stagecraft.runtime.graph.PipelineDefinition;
import java.util.List;
import java.util.Optional;

/**
 * The pipelines a server runs. The command line gives its catalog (every generated pipeline on the
 * class path and on {@code STAGECRAFT_CLASSPATH}); a pipeline that cannot be run from there is not
 * listed.
 */
public interface PipelineSource {
  /** Every pipeline, by name. */
  List<PipelineDefinition> all();

  /** The pipeline named {@code name}. */
  Optional<PipelineDefinition> find(String name);

  /** The class loader stage code runs with (as the thread's context class loader). */
  ClassLoader classLoader();
}
