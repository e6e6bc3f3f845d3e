package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs a pipeline definition: resolves its parameters, plans it (every stage must fit the
 * executor), then executes it and returns how every stage ended. Generated pipeline classes call
 * {@link #run(PipelineDefinition, Map, RunOptions)}; the CLI calls {@link #runText}.
 *
 * <pre>{@code
 * RunResult r = PipelineRunner.run(def, Map.of("nTrials", 20), RunOptions.defaults());
 * if (r.status() == RunStatus.SUCCEEDED) { Model m = r.output("train"); }
 * }</pre>
 */
public final class PipelineRunner {
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private PipelineRunner() {}

  /**
   * Runs with typed parameter values, as the generated builder passes them.
   *
   * @throws ParamException for an unknown, ill-typed or missing parameter
   * @throws PlanningException when a stage can never fit the executor's capacity
   */
  public static RunResult run(
      PipelineDefinition def, Map<String, Object> params, RunOptions options) {
    return execute(def, ParamResolver.fromValues(def, params), options);
  }

  /**
   * Runs with parameter values in their text form, as {@code -p name=value} gives them.
   *
   * @throws ParamException for an unknown, unparsable or missing parameter
   * @throws PlanningException when a stage can never fit the executor's capacity
   */
  public static RunResult runText(
      PipelineDefinition def, Map<String, String> params, RunOptions options) {
    return execute(def, ParamResolver.fromText(def, params), options);
  }

  /**
   * Runs with parameters already resolved.
   *
   * @throws PlanningException when a stage can never fit the executor's capacity or, on a shared
   *     pool, the pool's total or the tenant's quota
   * @throws IllegalArgumentException for an excluded stage the pipeline lacks or an undefined
   *     tenant
   */
  public static RunResult execute(
      PipelineDefinition def, ResolvedParams params, RunOptions options) {
    for (String excluded : options.exclusions().keySet()) {
      if (def.stage(excluded).isEmpty()) {
        throw new IllegalArgumentException(
            "cannot exclude stage '" + excluded + "': pipeline '" + def.name() + "' has none");
      }
    }
    RunOptions.Share share = options.share().orElse(null);
    ResourceRequest capacity = share == null ? options.capacity() : share.pool().total();
    ResourceRequest quota = share == null ? null : share.pool().quota(share.tenant());
    for (StageSpec s : def.stages()) {
      if (!options.exclusions().containsKey(s.name())) {
        checkFitsCapacity(def, s, capacity);
        if (quota != null) {
          checkFits(
              def,
              s,
              quota,
              "tenant '" + share.tenant() + "' has a quota of",
              "raise the tenant's quota");
        }
      }
    }
    String runId = options.runId().orElseGet(() -> newRunId(options.clock()));
    return new RunExecution(def, params, options, runId).run();
  }

  /**
   * Runs one execution of run {@code options.runId()} whose other stages run elsewhere (see {@link
   * Slice}): the stage's verdict from its upstream stages, its condition, then exactly one attempt
   * through the output store, cache and timeout. The listeners hear of that execution only, not of
   * the run's start or end. The result holds one outcome: the execution's, or the stage's when it
   * ends without one (skipped, upstream failed, a fan-out without items).
   *
   * @throws IllegalArgumentException when the run id is missing, the stage or an upstream stage is
   *     unknown, or an upstream stage's outcome is not given
   */
  public static RunResult executeSlice(
      PipelineDefinition def, ResolvedParams params, RunOptions options, Slice slice) {
    String runId =
        options
            .runId()
            .orElseThrow(
                () -> new IllegalArgumentException("a slice belongs to a run: set its id"));
    checkSlice(def, slice);
    return new RunExecution(def, params, options, runId, slice).runSlice();
  }

  /**
   * How the slice's stage ends without running: its upstream stages, its condition or its items
   * decide it (see {@link #executeSlice}); empty when its execution would run. Nothing runs and the
   * listeners hear nothing: an exported run's exit handler asks it of the stages Argo never ran.
   */
  public static Optional<StageOutcome> verdictOfSlice(
      PipelineDefinition def, ResolvedParams params, RunOptions options, Slice slice) {
    checkSlice(def, slice);
    return new RunExecution(def, params, options, options.runId().orElse("verdict"), slice)
        .sliceVerdict();
  }

  private static void checkSlice(PipelineDefinition def, Slice slice) {
    StageSpec spec =
        def.stage(slice.stage())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "pipeline '" + def.name() + "' has no stage '" + slice.stage() + "'"));
    for (String up : spec.upstream()) {
      if (!slice.upstream().containsKey(up)) {
        throw new IllegalArgumentException(
            "stage '" + spec.name() + "' reads stage '" + up + "', whose outcome is not given");
      }
    }
  }

  /**
   * Checks that every stage can fit the capacity.
   *
   * @throws PlanningException naming the first stage that cannot, what it asks and what there is
   */
  public static void plan(PipelineDefinition def, ResourceRequest capacity) {
    for (StageSpec s : def.stages()) {
      checkFitsCapacity(def, s, capacity);
    }
  }

  private static void checkFitsCapacity(
      PipelineDefinition def, StageSpec s, ResourceRequest capacity) {
    checkFits(def, s, capacity, "the executor has", "raise --max-cpu, --max-memory or --gpus");
  }

  /**
   * Refuses a stage larger than {@code limit}: what the stage asks, {@code whose} limit it is and
   * {@code fix}, besides lowering the stage's {@code @Resources}.
   */
  private static void checkFits(
      PipelineDefinition def, StageSpec s, ResourceRequest limit, String whose, String fix) {
    if (!s.resources().fitsIn(limit)) {
      throw new PlanningException(
          "stage '"
              + s.name()
              + "' of pipeline '"
              + def.name()
              + "' asks "
              + s.resources()
              + " but "
              + whose
              + " "
              + limit
              + ": lower its @Resources or "
              + fix);
    }
  }

  /** A fresh run id: the UTC time and six random hex digits, {@code 20260102-030405-a1b2c3}. */
  public static String newRunId(Clock clock) {
    return ID_TIME.format(clock.instant())
        + "-"
        + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
  }
}
