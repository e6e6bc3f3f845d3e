package dev.stagecraft.runtime;

import dev.stagecraft.runtime.graph.ResourceRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  /**
   * A logger named after the pipeline and stage. What it logs at INFO and above is also kept with
   * the execution in the run history (bounded; {@code stagecraft logs RUN_ID STAGE} prints it).
   */
  Logger logger();

  /**
   * A directory private to this execution, created on first use: {@code STORE/scratch/RUN_ID/
   * INSTANCE} when the run has a store, else in a private temporary directory of the run. It is
   * removed when the run succeeds and kept when it does not.
   */
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
   * How many threads this execution should use: the parallelism its run's plan gives the stage
   * (raised, for example, for large data), by default its reserved cores rounded up (at least 1).
   * In a fan-out instance, the instance's reserved cores rounded up: the stage's parallelism bounds
   * how many instances run at once.
   */
  int parallelism();

  /**
   * The optimizations the run's plan switched on for this stage (for example {@code
   * model_quantization}, {@code batch_processing}, {@code cache_warming}), in order; empty by
   * default. They are part of the stage's cache key.
   */
  List<String> optimizations();

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

  /** Whether the run asked this stage to stop (timeout, fail-fast or a cancelled run). */
  boolean isCancelled();

  /**
   * Call before an effect outside the run's store, such as publishing a model: makes sure the run
   * is recorded (what it reported so far is committed to its history) and is still this process's
   * to run (no other process took it over). Does nothing for a run without a store.
   *
   * @throws RuntimeException when the run cannot be recorded or was cancelled: do not cause the
   *     effect; the stage fails with this error
   */
  void ensureRecorded();

  /**
   * The value of the run's secret {@code name}, read when first asked for. On a pipeline server the
   * run's tenant's secrets are given this way (and only this way: never through the JVM's
   * environment, which every tenant shares). The value must not leave the stage: logged, it shows
   * as {@code ***}, and a stage whose output holds it fails.
   *
   * <pre>{@code
   * String password = ctx.secret("DB_PASSWORD");
   * }</pre>
   *
   * @throws IllegalArgumentException for a secret the run does not have, naming those it has
   * @throws RuntimeException when the secret cannot be read (its variable unset, its file missing)
   */
  default String secret(String name) {
    throw new IllegalArgumentException(
        "no secret '" + name + "': this context gives none (secrets come from a pipeline server)");
  }

  /**
   * The run's environment variables: on a pipeline server, its tenant's; empty otherwise. Stages
   * read settings here, not from {@code System.getenv}, which every tenant of a server shares.
   */
  default Map<String, String> environment() {
    return Map.of();
  }

  /**
   * The deployment targets this run may deploy to (its tenant's {@code deploymentTargets} on a
   * pipeline server); empty when it may deploy anywhere.
   */
  default Optional<Set<String>> deploymentTargets() {
    return Optional.empty();
  }

  /** The tenant the run is for, on a pipeline server; empty otherwise. */
  default Optional<String> tenant() {
    return Optional.empty();
  }
}
