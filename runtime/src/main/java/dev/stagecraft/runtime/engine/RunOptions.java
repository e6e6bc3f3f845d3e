package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.graph.ResourceRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run a pipeline: capacity, fail-fast, caching, the listeners that observe the run (run
 * history, progress), the output store, and the clock, sleeper and seed that tests control. Start
 * from {@link #defaults()} and change what you need with the {@code with...} methods.
 *
 * <pre>{@code
 * RunOptions options = RunOptions.defaults().withFailFast(true).withMaxCpuMillis(4000)
 *     .withListener(progress);
 * }</pre>
 *
 * @param failFast cancel running stages (CANCELLED) as soon as one stage FAILS
 * @param listeners observers of the run, called from executor threads
 * @param outputStore where stage outputs are persisted and cached ones looked up; empty: in memory
 * @param useCache whether {@code @Stage(cache = true)} stages may reuse a stored output
 * @param maxMilliCpu CPU capacity in millicores; empty: the machine's cores
 * @param maxMemoryBytes memory capacity; empty: the JVM's max heap
 * @param gpus GPU capacity; empty: 0
 * @param expectedDurations expected duration of each stage by name (any unit, e.g. ms of the last
 *     successful run), weighting the critical path; a missing stage counts 1
 * @param clock source of the start and end instants that are reported
 * @param sleeper waits between retry attempts
 * @param seed seeds the jitter of retry backoff
 * @param runId the id to give the run; empty: a fresh one
 * @param scratchRoot where stages' scratch directories go; empty: {@code java.io.tmpdir/stagecraft}
 * @param maxThreads upper bound on threads running stages at once (capacity bounds it first)
 * @param resume the earlier run this one continues, with the outputs it reuses
 */
public record RunOptions(
    boolean failFast,
    List<RunListener> listeners,
    Optional<OutputStore> outputStore,
    boolean useCache,
    Optional<Long> maxMilliCpu,
    Optional<Long> maxMemoryBytes,
    Optional<Integer> gpus,
    Map<String, Double> expectedDurations,
    Clock clock,
    Sleeper sleeper,
    long seed,
    Optional<String> runId,
    Optional<Path> scratchRoot,
    int maxThreads,
    Optional<Resume> resume) {

  /** The default bound on stage threads. */
  public static final int DEFAULT_MAX_THREADS = 256;

  public RunOptions {
    listeners = List.copyOf(listeners);
    Objects.requireNonNull(outputStore, "outputStore");
    Objects.requireNonNull(maxMilliCpu, "maxMilliCpu");
    Objects.requireNonNull(maxMemoryBytes, "maxMemoryBytes");
    Objects.requireNonNull(gpus, "gpus");
    expectedDurations = Map.copyOf(expectedDurations);
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(scratchRoot, "scratchRoot");
    Objects.requireNonNull(resume, "resume");
    if (maxThreads < 1) {
      throw new IllegalArgumentException("maxThreads " + maxThreads + " must be at least 1");
    }
  }

  /** Only fail-fast set; everything else as {@link #defaults()}. */
  public RunOptions(boolean failFast) {
    this(
        failFast,
        List.of(),
        Optional.empty(),
        true,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        Clock.systemUTC(),
        Sleeper.REAL,
        System.nanoTime(),
        Optional.empty(),
        Optional.empty(),
        DEFAULT_MAX_THREADS,
        Optional.empty());
  }

  /** Defaults: the machine's capacity, no fail-fast, caching on, no listeners, real time. */
  public static RunOptions defaults() {
    return new RunOptions(false);
  }

  /**
   * The executor's capacity: the overrides, else the machine's cores, the JVM's max heap and 0
   * GPUs.
   */
  public ResourceRequest capacity() {
    return new ResourceRequest(
        maxMilliCpu.orElse(Runtime.getRuntime().availableProcessors() * 1000L),
        maxMemoryBytes.orElse(Runtime.getRuntime().maxMemory()),
        gpus.orElse(0));
  }

  public RunOptions withFailFast(boolean value) {
    return new RunOptions(
        value,
        listeners,
        outputStore,
        useCache,
        maxMilliCpu,
        maxMemoryBytes,
        gpus,
        expectedDurations,
        clock,
        sleeper,
        seed,
        runId,
        scratchRoot,
        maxThreads,
        resume);
  }

  /** Adds a listener after the existing ones. */
  public RunOptions withListener(RunListener listener) {
    List<RunListener> all = new ArrayList<>(listeners);
    all.add(Objects.requireNonNull(listener, "listener"));
    return new RunOptions(
        failFast,
        all,
        outputStore,
        useCache,
        maxMilliCpu,
        maxMemoryBytes,
        gpus,
        expectedDurations,
        clock,
        sleeper,
        seed,
        runId,
        scratchRoot,
        maxThreads,
        resume);
  }

  public RunOptions withOutputStore(OutputStore store) {
    return new RunOptions(
        failFast,
        listeners,
        Optional.of(store),
        useCache,
        maxMilliCpu,
        maxMemoryBytes,
        gpus,
        expectedDurations,
        clock,
        sleeper,
        seed,
        runId,
        scratchRoot,
        maxThreads,
        resume);
  }

  public RunOptions withUseCache(boolean value) {
    return new RunOptions(
        failFast,
        listeners,
        outputStore,
        value,
        maxMilliCpu,
        maxMemoryBytes,
        gpus,
        expectedDurations,
        clock,
        sleeper,
        seed,
        runId,
        scratchRoot,
        maxThreads,
        resume);
  }

  public RunOptions withMaxMilliCpu(long value) {
    return new RunOptions(
        failFast,
        listeners,
        outputStore,
        useCache,
        Optional.of(value),
        maxMemoryBytes,
        gpus,
        expectedDurations,
        clock,
        sleeper,
        seed,
        runId,
        scratchRoot,
        maxThreads,
        resume);
  }

  public RunOptions withMaxMemoryBytes(long value) {
    return new RunOptions(
        failFast,
        listeners,
        outputStore,
        useCache,
        maxMilliCpu,
        Optional.of(value),
        gpus,
        expectedDurations,
        clock,
        sleeper,
        seed,
        runId,
        scratchRoot,
        maxThreads,
        resume);
  }

  public RunOptions withGpus(int value) {
    return new RunOptions(
        failFast,
        listeners,
        outputStore,
        useCache,
        maxMilliCpu,
        maxMemoryBytes,
        Optional.of(value),
        expectedDurations,
        clock,
        sleeper,
        seed,
        runId,
        scratchRoot,
        maxThreads,
        resume);
  }

  /** Sets every capacity dimension at once. */
  public RunOptions withCapacity(ResourceRequest capacity) {
    return withMaxMilliCpu(capacity.milliCpu())
        .withMaxMemoryBytes(capacity.memoryBytes())
        .withGpus(capacity.gpu());
  }

  public RunOptions withExpectedDurations(Map<String, Double> value) {
    return new RunOptions(
        failFast,
        listeners,
        outputStore,
        useCache,
        maxMilliCpu,
        maxMemoryBytes,
        gpus,
        value,
        clock,
        sleeper,
        seed,
        runId,
        scratchRoot,
        maxThreads,
        resume);
  }

  public RunOptions withClock(Clock value) {
    return new RunOptions(
        failFast,
        listeners,
        outputStore,
        useCache,
        maxMilliCpu,
        maxMemoryBytes,
        gpus,
        expectedDurations,
        value,
        sleeper,
        seed,
        runId,
        scratchRoot,
        maxThreads,
        resume);
  }

  public RunOptions withSleeper(Sleeper value) {
    return new RunOptions(
        failFast,
        listeners,
        outputStore,
        useCache,
        maxMilliCpu,
        maxMemoryBytes,
        gpus,
        expectedDurations,
        clock,
        value,
        seed,
        runId,
        scratchRoot,
        maxThreads,
        resume);
  }

  public RunOptions withSeed(long value) {
    return new RunOptions(
        failFast,
        listeners,
        outputStore,
        useCache,
        maxMilliCpu,
        maxMemoryBytes,
        gpus,
        expectedDurations,
        clock,
        sleeper,
        value,
        runId,
        scratchRoot,
        maxThreads,
        resume);
  }

  public RunOptions withRunId(String value) {
    return new RunOptions(
        failFast,
        listeners,
        outputStore,
        useCache,
        maxMilliCpu,
        maxMemoryBytes,
        gpus,
        expectedDurations,
        clock,
        sleeper,
        seed,
        Optional.of(value),
        scratchRoot,
        maxThreads,
        resume);
  }

  public RunOptions withScratchRoot(Path value) {
    return new RunOptions(
        failFast,
        listeners,
        outputStore,
        useCache,
        maxMilliCpu,
        maxMemoryBytes,
        gpus,
        expectedDurations,
        clock,
        sleeper,
        seed,
        runId,
        Optional.of(value),
        maxThreads,
        resume);
  }

  /**
   * Continues run {@code runId}: an execution whose instance name ({@code train}, {@code train[1]})
   * has an output here is not executed again but ends CACHED with that output.
   */
  public RunOptions withResume(String runId, Map<String, OutputStore.StoredOutput> outputs) {
    return new RunOptions(
        failFast,
        listeners,
        outputStore,
        useCache,
        maxMilliCpu,
        maxMemoryBytes,
        gpus,
        expectedDurations,
        clock,
        sleeper,
        seed,
        this.runId,
        scratchRoot,
        maxThreads,
        Optional.of(new Resume(runId, outputs)));
  }

  /** The run a run continues and the outputs of its executions that succeeded, by instance name. */
  public record Resume(String runId, Map<String, OutputStore.StoredOutput> outputs) {
    public Resume {
      Objects.requireNonNull(runId, "runId");
      outputs = Map.copyOf(outputs);
    }
  }

  public RunOptions withMaxThreads(int value) {
    return new RunOptions(
        failFast,
        listeners,
        outputStore,
        useCache,
        maxMilliCpu,
        maxMemoryBytes,
        gpus,
        expectedDurations,
        clock,
        sleeper,
        seed,
        runId,
        scratchRoot,
        value,
        resume);
  }
}
