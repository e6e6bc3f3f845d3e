package dev.stagecraft.runtime.cli;

import dev.stagecraft.annotations.syntax.Quantities;
import dev.stagecraft.annotations.syntax.Suggestions;
import dev.stagecraft.runtime.Summarizable;
import dev.stagecraft.runtime.engine.FailedAttempt;
import dev.stagecraft.runtime.engine.LogLine;
import dev.stagecraft.runtime.engine.ParamResolver;
import dev.stagecraft.runtime.engine.PipelineRunner;
import dev.stagecraft.runtime.engine.ResolvedParams;
import dev.stagecraft.runtime.engine.RunListener;
import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.engine.RunResult;
import dev.stagecraft.runtime.engine.Slice;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.engine.StageOutcome;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.export.ArgoExport;
import dev.stagecraft.runtime.export.ArgoNames;
import dev.stagecraft.runtime.export.ConditionValues;
import dev.stagecraft.runtime.export.StageOutputValues;
import dev.stagecraft.runtime.export.StageOutputs;
import dev.stagecraft.runtime.graph.ConditionType;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.PipelineFingerprint;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.RetryPolicy;
import dev.stagecraft.runtime.graph.StageSpec;
import dev.stagecraft.runtime.plan.Profile;
import dev.stagecraft.runtime.store.Store;
import dev.stagecraft.runtime.store.artifact.ArtifactRef;
import dev.stagecraft.runtime.store.artifact.ArtifactStore;
import dev.stagecraft.runtime.store.codec.Codecs;
import dev.stagecraft.runtime.store.shared.SharedOutputStore;
import dev.stagecraft.runtime.store.shared.SharedRun;
import dev.stagecraft.runtime.store.shared.SharedRuns;
import dev.stagecraft.runtime.store.shared.StageRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stagecraft stage --pipeline P --run-id ID --store PATH (--stage S [--item N] | --begin |
 * --end)}: the entrypoint each pod of an exported workflow runs, on a store the pods share.
 *
 * <ul>
 *   <li>{@code --stage S}: runs exactly one stage, or one instance of a fan-out stage ({@code
 *       --item N}; {@code none} records a fan-out without items): reads the outcomes and outputs of
 *       its upstream stages from the store, makes one attempt through the engine (condition, cache,
 *       timeout), writes its output and record atomically, and the values downstream {@code when}s
 *       read into {@code --outputs DIR}. Argo makes the retries ({@code --retry {{retries}}} says
 *       which attempt this is); options such as {@code --cpu} carry what the plan changed.
 *   <li>{@code --begin}: checks the parameters ({@code -p}) and profile, records the run and the
 *       stages its plan excluded, and writes the parameters' canonical values.
 *   <li>{@code --end} (the exit handler): records every stage Argo skipped or omitted, with the
 *       status and reason Stagecraft gives it, and the run's end.
 * </ul>
 *
 * <p>Exit codes: 0 the stage ended (succeeded, cached, skipped); 1 the attempt failed and is to be
 * retried; 2 bad input (one line; never retried); 3 an internal or store error; {@value
 * ArgoExport#FINAL_FAILURE} the stage failed for good (a timeout, a non-retryable failure, its last
 * attempt).
 */
@Command(
    name = "stage",
    mixinStandardHelpOptions = true,
    description = "Run one stage of an exported run (the entrypoint of its pods).")
final class StageCommand implements Callable<Integer> {
  /** How long to wait for a record another pod wrote to show on a network file system. */
  static final Duration VISIBILITY_WAIT = Duration.ofSeconds(30);

  @ParentCommand StagecraftCli cli;

  @Option(names = "--pipeline", required = true, paramLabel = "P", description = "The pipeline.")
  String pipeline;

  @Option(names = "--run-id", required = true, paramLabel = "ID", description = "The run's id.")
  String runId;

  @Option(
      names = "--store",
      required = true,
      paramLabel = "PATH",
      description = "The shared store.")
  Path store;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Role role;

  /** What this process does. */
  static final class Role {
    @Option(names = "--stage", paramLabel = "S", description = "Run this stage.")
    String stage;

    @Option(names = "--begin", description = "Record the run (its first task).")
    boolean begin;

    @Option(names = "--end", description = "Record the stages Argo did not run, and the end.")
    boolean end;
  }

  @Option(names = "--item", paramLabel = "N", description = "The fan-out instance, or none.")
  String item;

  @Option(names = "--retry", paramLabel = "K", description = "Argo's retry number (0: first).")
  int retry;

  @Option(names = "--outputs", paramLabel = "DIR", description = "Where to write output values.")
  Path outputs;

  @Option(names = "-p", paramLabel = "name=value", description = "A parameter (--begin).")
  List<String> params = new ArrayList<>();

  @Option(names = "--profile", paramLabel = "fact=value", description = "A profile fact (--begin).")
  Map<String, String> profile = new LinkedHashMap<>();

  @Option(names = "--excluded", paramLabel = "stage=reason", description = "An excluded stage.")
  Map<String, String> excluded = new LinkedHashMap<>();

  @Option(names = "--cpu", paramLabel = "Q", description = "The planned CPU.")
  String cpu;

  @Option(names = "--memory", paramLabel = "Q", description = "The planned memory.")
  String memory;

  @Option(names = "--gpu", paramLabel = "N", description = "The planned GPUs.")
  Integer gpu;

  @Option(names = "--retries", paramLabel = "N", description = "The planned retries.")
  Integer retries;

  @Option(names = "--timeout", paramLabel = "D", description = "The planned timeout.")
  String timeout;

  @Option(names = "--parallelism", paramLabel = "N", description = "The planned parallelism.")
  Integer parallelism;

  @Option(names = "--optimization", paramLabel = "NAME", description = "A planned optimization.")
  List<String> optimizations;

  @Override
  public Integer call() {
    PipelineDefinition def = cli.catalog().find(pipeline).definition();
    Path dir = store.toAbsolutePath().normalize();
    SharedRuns runs = new SharedRuns(dir);
    ArtifactStore artifacts =
        new ArtifactStore(dir.resolve(Store.ARTIFACTS_DIR), Codecs.standard());
    if (role.begin) {
      return begin(def, runs);
    }
    SharedRun run = runs.awaitRun(runId, VISIBILITY_WAIT);
    ResolvedParams resolved = ParamResolver.fromText(def, run.params());
    UpstreamOutcomes upstream =
        new UpstreamOutcomes(def, run, runs, artifacts, resolved, VISIBILITY_WAIT);
    if (role.end) {
      new ExitHandler(def, run, runs, resolved, upstream, this::options).recordTheRest();
      cli.out.println("run " + runId + ": every stage recorded");
      return 0;
    }
    return stage(def, run, runs, artifacts, resolved, upstream);
  }

  // ---------------------------------------------------------------- --begin

  private int begin(PipelineDefinition def, SharedRuns runs) {
    ResolvedParams resolved = ParamResolver.fromText(def, RunCommand.parse(params));
    Map<String, String> facts = new LinkedHashMap<>();
    Profile.parse(profile).facts().forEach((k, v) -> facts.put(k, String.valueOf(v)));
    for (String stage : excluded.keySet()) {
      stageOf(def, stage);
    }
    runs.begin(
        new SharedRun(
            runId,
            def.name(),
            resolved.texts(),
            facts,
            excluded,
            System.currentTimeMillis(),
            PipelineFingerprint.of(def).text()));
    excluded.forEach(
        (stage, reason) ->
            runs.record(
                runId,
                StageRecord.of(
                    StageExecution.notRun(stage, StageStatus.SKIPPED, reason),
                    Optional.empty(),
                    List.of(),
                    List.of(),
                    Optional.empty())));
    OutputFiles files = new OutputFiles(outputs);
    for (ParamSpec p : StageOutputs.conditionParams(def)) {
      files.write(
          ArgoNames.paramParameter(p.name()),
          ConditionValues.text(ConditionType.of(p.type()), resolved.values().get(p.name())));
    }
    for (String p : StageOutputs.fanOutParams(def)) {
      Object list = resolved.values().get(p);
      files.write(
          ArgoNames.paramItemsParameter(p),
          StageOutputs.indexes(list instanceof List<?> l ? l.size() : 0));
    }
    cli.out.println("run " + runId + " of '" + def.name() + "' recorded in " + store);
    return 0;
  }

  // ---------------------------------------------------------------- --stage

  private int stage(
      PipelineDefinition def,
      SharedRun run,
      SharedRuns runs,
      ArtifactStore artifacts,
      ResolvedParams resolved,
      UpstreamOutcomes upstream) {
    StageSpec spec = planned(stageOf(def, role.stage));
    PipelineDefinition plannedDef = withStage(def, spec);
    Optional<Integer> index = index(spec);
    String instance = index.map(i -> spec.name() + "[" + i + "]").orElse(spec.name());
    OutputFiles files = new OutputFiles(outputs);
    Optional<StageRecord> done = runs.record(runId, instance);
    if (done.isPresent()) {
      // an earlier attempt recorded the outcome and was stopped before it exited: report it again
      writeOutputs(plannedDef, spec, done.get(), artifacts, files);
      return exitCode(done.get(), true);
    }
    Map<String, Slice.Upstream> ups = upstream.of(spec);
    Recorder recorder = new Recorder();
    SharedOutputStore outputStore = new SharedOutputStore(artifacts, runs);
    RunOptions options =
        options(run)
            .withListener(recorder)
            .withOutputStore(outputStore)
            .withClassLoader(cli.catalog().classLoader());
    Slice slice = new Slice(spec.name(), index, retry + 1, ups);
    RunResult result = PipelineRunner.executeSlice(plannedDef, resolved, options, slice);
    StageOutcome outcome = result.stages().get(0);
    StageExecution execution = recorder.finished;
    boolean retried = recorder.retried && outcome.status() == StageStatus.FAILED;
    if (retried) {
      FailedAttempt last = execution.failedAttempts().get(execution.failedAttempts().size() - 1);
      runs.attemptFailed(
          runId,
          instance,
          new StageRecord.AttemptRecord(
              last.attempt(),
              last.start().toEpochMilli(),
              last.end().toEpochMilli(),
              last.reason()));
      cli.err.println(
          "stage "
              + instance
              + " attempt "
              + (retry + 1)
              + " failed: "
              + outcome.reason()
              + "; Argo retries it");
      return 1;
    }
    List<FailedAttempt> attempts = new ArrayList<>();
    runs.failedAttempts(runId, instance).forEach(a -> attempts.add(toFailedAttempt(a)));
    attempts.addAll(execution.failedAttempts());
    StageExecution whole = withFailedAttempts(execution, attempts);
    List<String> summary = new ArrayList<>();
    if (outcome.status().hasOutput() && outcome.output().orElse(null) instanceof Summarizable s) {
      s.summaryLines().forEach(line -> summary.add(StagecraftCli.oneLine(line)));
    }
    StageRecord record =
        StageRecord.of(
            whole,
            outcome.status().hasOutput() ? outputStore.saved() : Optional.<ArtifactRef>empty(),
            summary,
            recorder.logs,
            outcome.inputError());
    runs.record(runId, record);
    writeOutputs(plannedDef, spec, outcome, files);
    return exitCode(record, false);
  }

  private int exitCode(StageRecord record, boolean again) {
    String line =
        "stage "
            + record.instance()
            + " of run "
            + runId
            + ": "
            + record.status()
            + (record.reason().isEmpty() ? "" : " (" + record.reason() + ")")
            + (again ? ", as recorded before" : "");
    if (record.status() != StageStatus.FAILED) {
      cli.out.println(line);
      return 0;
    }
    if (record.inputError() != null) {
      cli.err.println(
          "error: "
              + StagecraftCli.oneLine(record.inputError())
              + " (stage '"
              + record.instance()
              + "')");
      return StagecraftCli.USAGE;
    }
    cli.err.println(line);
    return ArgoExport.FINAL_FAILURE;
  }

  /** The values downstream {@code when}s and fan-outs read of this stage's output. */
  private void writeOutputs(
      PipelineDefinition def, StageSpec spec, StageOutcome outcome, OutputFiles files) {
    if (spec.fanOut().isPresent()) {
      return;
    }
    Object output = outcome.status().hasOutput() ? outcome.output().orElse(null) : null;
    files.write(StageOutputValues.of(def, spec.name(), outcome.status().hasOutput(), output));
  }

  private void writeOutputs(
      PipelineDefinition def,
      StageSpec spec,
      StageRecord record,
      ArtifactStore artifacts,
      OutputFiles files) {
    if (spec.fanOut().isPresent()) {
      return;
    }
    boolean has = record.status().hasOutput();
    Object output =
        has && record.output() != null
            ? artifacts.get(record.output().toArtifactRef(), Object.class)
            : null;
    files.write(StageOutputValues.of(def, spec.name(), has, output));
  }

  private Optional<Integer> index(StageSpec spec) {
    if (spec.fanOut().isEmpty()) {
      if (item != null) {
        throw new UsageException(
            "--item " + item + ": stage '" + spec.name() + "' is not a fan-out stage");
      }
      return Optional.empty();
    }
    if (item == null) {
      throw new UsageException(
          "stage '" + spec.name() + "' is a fan-out stage: name its instance with --item N");
    }
    if (item.equals(StageOutputs.NO_ITEMS)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(item));
    } catch (NumberFormatException e) {
      throw new UsageException(
          "--item " + item + " is not an index (0, 1, ...) nor " + StageOutputs.NO_ITEMS);
    }
  }

  /** The stage with what the plan changed, as the options say. */
  private StageSpec planned(StageSpec s) {
    ResourceRequest r = s.resources();
    try {
      if (cpu != null) {
        r = r.withMilliCpu(Quantities.cpuMillis(cpu));
      }
      if (memory != null) {
        r = r.withMemoryBytes(Quantities.memoryBytes(memory));
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (gpu != null) {
      r = r.withGpu(gpu);
    }
    RetryPolicy retryPolicy =
        retries == null ? s.retry() : new RetryPolicy(retries, s.retry().backoff());
    Optional<Duration> time =
        timeout == null ? s.timeout() : Optional.of(Durations.parse("--timeout", timeout));
    OptionalInt threads = parallelism == null ? s.parallelism() : OptionalInt.of(parallelism);
    List<String> opts = optimizations == null ? s.optimizations() : optimizations;
    return s.planned(r, retryPolicy, time, threads, opts);
  }

  /** The run's options in this process: its id, store, scratch space and profile. */
  RunOptions options(SharedRun run) {
    return RunOptions.defaults()
        .withRunId(runId)
        .withStoreDirectory(store.toAbsolutePath().normalize())
        .withScratchRoot(store.toAbsolutePath().normalize().resolve(Store.SCRATCH_DIR))
        .withProfile(Profile.parse(run.profile()).facts())
        .withListener(new LogProgress(cli.err));
  }

  static StageSpec stageOf(PipelineDefinition def, String name) {
    return def.stage(name)
        .orElseThrow(
            () ->
                new UsageException(
                    "pipeline '"
                        + def.name()
                        + "' has no stage '"
                        + name
                        + "'"
                        + Suggestions.closest(
                                name, def.stages().stream().map(StageSpec::name).toList())
                            .map(c -> " (did you mean '" + c + "'?)")
                            .orElse("")));
  }

  private static PipelineDefinition withStage(PipelineDefinition def, StageSpec spec) {
    List<StageSpec> stages = new ArrayList<>();
    for (StageSpec s : def.stages()) {
      stages.add(s.name().equals(spec.name()) ? spec : s);
    }
    return new PipelineDefinition(def.name(), def.description(), def.params(), stages);
  }

  private static FailedAttempt toFailedAttempt(StageRecord.AttemptRecord a) {
    return new FailedAttempt(
        a.attempt(), Instant.ofEpochMilli(a.start()), Instant.ofEpochMilli(a.end()), a.reason());
  }

  private static StageExecution withFailedAttempts(StageExecution e, List<FailedAttempt> all) {
    return new StageExecution(
        e.instance(),
        e.stage(),
        e.index(),
        e.item(),
        e.status(),
        e.attempts(),
        e.start(),
        e.end(),
        e.wallMs(),
        e.cpuNanos(),
        e.allocatedBytes(),
        e.metrics(),
        e.reason(),
        all);
  }

  /** What the engine reports of this process's one execution. */
  private static final class Recorder implements RunListener {
    final List<LogLine> logs = new ArrayList<>();
    volatile boolean retried;
    volatile StageExecution finished;

    @Override
    public void attemptFailed(
        String runId, String instance, FailedAttempt attempt, Optional<Duration> retryIn) {
      retried = retryIn.isPresent();
    }

    @Override
    public synchronized void stageLogged(String runId, String instance, LogLine line) {
      logs.add(line);
    }

    @Override
    public void stageFinished(String runId, StageExecution execution) {
      finished = execution;
    }
  }
}
