package dev.stagecraft.runtime;

import dev.stagecraft.runtime.graph.ResourceRequest;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * What a running stage can see of its run. Declare a parameter of this type on a stage method to
 * receive it.
 *
 * <pre>{@code
 * @Stage
 * public Model train(@Input("preprocess") Table data, StageContext ctx) {
 *   ctx.logger().info("training on {} rows", data.rowCount());
 *   ctx.metric("accuracy", 0.97);
 *   ...
 * }
 * }</pre>
 */
public interface StageContext {
  /** The id of the run this execution belongs to. */
  String runId();

  /** The pipeline's name. */
  String pipelineName();

  /** The stage's name, e.g. {@code train}. */
  String stageName();

  /** The instance's name: the stage name, or {@code train[1]} for a fan-out instance. */
  String instanceName();

  /** The attempt number, starting at 1. */
  int attempt();

  /** The item of a fan-out instance; empty for other stages. */
  Optional<Object> item();

  /** A logger named after the pipeline and stage. */
  Logger logger();

  /** A directory private to this execution, created on first use. */
  Path scratchDir();

  /**
   * The directory of the store this run is recorded in, where stages may keep files beside the run
   * history (the model registry lives in {@code registry/} inside it); empty when the run has no
   * store, as a pipeline run from code without one.
   */
  Optional<Path> storeDirectory();

  /** The resources reserved for this stage. */
  ResourceRequest resources();

  /**
   * The number of threads the stage should use; by default its reserved CPU rounded up to whole
   * cores (at least 1).
   */
  int parallelism();

  /** Records a named metric of this execution; the last value of a name wins. */
  void metric(String name, double value);

  /**
   * Says what the stage is doing now, for a stage that runs long: the live view and the log lines
   * show it while the stage runs, and the run history keeps the latest message of each execution.
   * Report when something changes and at least every few seconds (e.g. {@code trial 3/8, fold 2/3,
   * 40 rounds, 12 s}); the message replaces the previous one.
   *
   * <pre>{@code
   * for (int epoch = 1; epoch <= epochs; epoch++) {
   *   ctx.progress("epoch " + epoch + "/" + epochs + ", loss " + loss);
   *   ...
   * }
   * }</pre>
   */
  void progress(String message);

  /** Whether the run asked this stage to stop (timeout or fail-fast). */
  boolean isCancelled();
}
