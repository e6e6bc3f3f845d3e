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
 * @param scratchRoot where stages' scratch directories go ({@code ROOT/RUN_ID/INSTANCE}; a store
 *     sets {@code STORE/scratch}); empty: a private temporary directory per run
 * @param maxThreads upper bound on threads running stages at once (capacity bounds it first)
 * @param resume the earlier run this one continues, with the outputs it reuses
 * @param storeDirectory the store the run is recorded in, which stages see as {@code
 *     StageContext.storeDirectory()}; empty: none (outputs stay in memory)
 * @param profile the facts of the run's profile that conditions read as {@code profile.<fact>} (a
 *     {@code String}, a {@code Long} of bytes or a {@code Boolean}); an absent fact is null
 * @param exclusions stages a plan excluded, each with its reason: they end SKIPPED with it before
 *     anything runs
 * @param tenancy on a pipeline server, the run's tenant: its environment, secrets and deployment
 *     targets for the stages' context
 * @param classLoader the context class loader stage code runs with (one that sees the user's
 *     pipelines, say); empty: the loader of the thread that creates the run's threads
 * @param share the pool the run shares with other runs, instead of a capacity of its own; empty:
 *     its own capacity ({@link #capacity()})
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
    Optional<Resume> resume,
    Optional<Path> storeDirectory,
    Map<String, Object> profile,
    Map<String, String> exclusions,
    Optional<RunTenancy> tenancy,
    Optional<Share> share,
    Optional<ClassLoader> classLoader) {

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
    Objects.requireNonNull(storeDirectory, "storeDirectory");
    profile = Map.copyOf(profile);
    exclusions = Map.copyOf(exclusions);
    Objects.requireNonNull(tenancy, "tenancy");
    Objects.requireNonNull(classLoader, "classLoader");
    Objects.requireNonNull(share, "share");
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
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        Map.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** Defaults: the machine's capacity, no fail-fast, caching on, no listeners, real time. */
  public static RunOptions defaults() {
    return new RunOptions(false);
  }

  /**
   * The executor's capacity: the overrides, else the machine's cores, the JVM's max heap (in whole
   * MiB) and 0 GPUs.
   */
  public ResourceRequest capacity() {
    return new ResourceRequest(
        maxMilliCpu.orElse(Runtime.getRuntime().availableProcessors() * 1000L),
        maxMemoryBytes.orElse(Runtime.getRuntime().maxMemory() >> 20 << 20),
        gpus.orElse(0));
  }

  public RunOptions withFailFast(boolean value) {
    return copy(c -> c.failFast = value);
  }

  /** Adds a listener after the existing ones. */
  public RunOptions withListener(RunListener listener) {
    Objects.requireNonNull(listener, "listener");
    return copy(
        c -> {
          c.listeners = new ArrayList<>(c.listeners);
          c.listeners.add(listener);
        });
  }

  public RunOptions withOutputStore(OutputStore store) {
    return copy(c -> c.outputStore = Optional.of(store));
  }

  public RunOptions withUseCache(boolean value) {
    return copy(c -> c.useCache = value);
  }

  public RunOptions withMaxMilliCpu(long value) {
    return copy(c -> c.maxMilliCpu = Optional.of(value));
  }

  public RunOptions withMaxMemoryBytes(long value) {
    return copy(c -> c.maxMemoryBytes = Optional.of(value));
  }

  public RunOptions withGpus(int value) {
    return copy(c -> c.gpus = Optional.of(value));
  }

  public RunOptions withExpectedDurations(Map<String, Double> value) {
    return copy(c -> c.expectedDurations = value);
  }

  public RunOptions withClock(Clock value) {
    return copy(c -> c.clock = value);
  }

  public RunOptions withSleeper(Sleeper value) {
    return copy(c -> c.sleeper = value);
  }

  public RunOptions withSeed(long value) {
    return copy(c -> c.seed = value);
  }

  public RunOptions withRunId(String value) {
    return copy(c -> c.runId = Optional.of(value));
  }

  public RunOptions withScratchRoot(Path value) {
    return copy(c -> c.scratchRoot = Optional.of(value));
  }

  public RunOptions withMaxThreads(int value) {
    return copy(c -> c.maxThreads = value);
  }

  /** Names the store the run is recorded in, for stages to keep files beside it. */
  public RunOptions withStoreDirectory(Path value) {
    return copy(c -> c.storeDirectory = Optional.of(value));
  }

  /** The facts of the run's profile, which conditions read as {@code profile.<fact>}. */
  public RunOptions withProfile(Map<String, Object> value) {
    return copy(c -> c.profile = value);
  }

  /** Stages excluded by a plan, each with its reason; they end SKIPPED before anything runs. */
  public RunOptions withExclusions(Map<String, String> value) {
    return copy(c -> c.exclusions = value);
  }

  /**
   * The context class loader of the threads that run stage code: stage code that finds classes or
   * services through it sees the user's pipelines ({@code STAGECRAFT_CLASSPATH}).
   */
  public RunOptions withClassLoader(ClassLoader value) {
    Objects.requireNonNull(value, "value");
    return copy(c -> c.classLoader = Optional.of(value));
  }

  /**
   * The tenant the run is for on a pipeline server: its environment, secrets and deployment
   * targets, which stages see through their context.
   */
  public RunOptions withTenancy(RunTenancy value) {
    Objects.requireNonNull(value, "value");
    return copy(c -> c.tenancy = Optional.of(value));
  }

  /**
   * Runs on {@code pool}, shared with other runs, as tenant {@code tenant}: every stage reserves
   * from the pool within the tenant's quota, and among the tenant's runs one of higher {@code
   * priority} starts its waiting work first (the server passes 2 high, 1 normal, 0 low).
   */
  public RunOptions withSharedCapacity(SharedCapacity pool, String tenant, int priority) {
    Share value = new Share(pool, tenant, priority);
    return copy(c -> c.share = Optional.of(value));
  }

  /** A run's place on a shared pool: the pool, its tenant and its priority within the tenant. */
  public record Share(SharedCapacity pool, String tenant, int priority) {
    public Share {
      Objects.requireNonNull(pool, "pool");
      Objects.requireNonNull(tenant, "tenant");
    }
  }

  /**
   * Continues run {@code runId}: an execution whose instance name ({@code train}, {@code train[1]})
   * has an output here is not executed again but ends CACHED with that output.
   */
  public RunOptions withResume(String runId, Map<String, OutputStore.StoredOutput> outputs) {
    Resume value = new Resume(runId, outputs);
    return copy(c -> c.resume = Optional.of(value));
  }

  /** The run a run continues and the outputs of its executions that succeeded, by instance name. */
  public record Resume(String runId, Map<String, OutputStore.StoredOutput> outputs) {
    public Resume {
      Objects.requireNonNull(runId, "runId");
      outputs = Map.copyOf(outputs);
    }
  }

  /** These options with one change applied; the record's constructor checks the result. */
  private RunOptions copy(java.util.function.Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return c.build();
  }

  /**
   * A mutable copy of every component, so each {@code with...} method names only what it changes.
   */
  private static final class Copy {
    boolean failFast;
    List<RunListener> listeners;
    Optional<OutputStore> outputStore;
    boolean useCache;
    Optional<Long> maxMilliCpu;
    Optional<Long> maxMemoryBytes;
    Optional<Integer> gpus;
    Map<String, Double> expectedDurations;
    Clock clock;
    Sleeper sleeper;
    long seed;
    Optional<String> runId;
    Optional<Path> scratchRoot;
    int maxThreads;
    Optional<Resume> resume;
    Optional<Path> storeDirectory;
    Map<String, Object> profile;
    Map<String, String> exclusions;
    Optional<RunTenancy> tenancy;
    Optional<ClassLoader> classLoader;
    Optional<Share> share;

    Copy(RunOptions o) {
      failFast = o.failFast;
      listeners = o.listeners;
      outputStore = o.outputStore;
      useCache = o.useCache;
      maxMilliCpu = o.maxMilliCpu;
      maxMemoryBytes = o.maxMemoryBytes;
      gpus = o.gpus;
      expectedDurations = o.expectedDurations;
      clock = o.clock;
      sleeper = o.sleeper;
      seed = o.seed;
      runId = o.runId;
      scratchRoot = o.scratchRoot;
      maxThreads = o.maxThreads;
      resume = o.resume;
      storeDirectory = o.storeDirectory;
      profile = o.profile;
      exclusions = o.exclusions;
      tenancy = o.tenancy;
      classLoader = o.classLoader;
      share = o.share;
    }

    RunOptions build() {
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
          maxThreads,
          resume,
          storeDirectory,
          profile,
          exclusions,
          tenancy,
          share,
          classLoader);
    }
  }
}
