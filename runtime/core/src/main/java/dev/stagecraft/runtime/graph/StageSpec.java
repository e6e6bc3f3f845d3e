package dev.stagecraft.runtime.graph;

import dev.stagecraft.annotations.Stage;
import dev.stagecraft.annotations.StageType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One stage as data: what it needs (dependencies, inputs, parameters, resources), how it runs
 * (retries, timeout, cache, condition, fan-out, parallelism, optimizations) and the body that calls
 * user code.
 *
 * <pre>{@code
 * StageSpec train = StageSpec.builder("train")
 *     .input(InputSpec.of("preprocess"))
 *     .resources(ResourceRequest.parse("2", "4Gi", 0))
 *     .retries(2)
 *     .body(call -> trainer.train(call.input("preprocess")))
 *     .build();
 * }</pre>
 *
 * @param outputType the Java type of the output as written in source, {@code void} for none
 * @param writtenResources which of {@code cpu}, {@code memory}, {@code gpu} the source wrote (on
 *     the stage or its class); the others are the DSL's defaults
 * @param parallelism the threads the stage should use ({@code StageContext.parallelism()}; empty:
 *     its reserved cores rounded up); for a fan-out stage, the most instances that run at once
 *     (empty: no bound)
 * @param optimizations switched-on optimizations the stage sees ({@code
 *     StageContext.optimizations()}), part of its cache key
 */
public record StageSpec(
    String name,
    StageType type,
    String description,
    String outputType,
    List<String> dependsOn,
    List<InputSpec> inputs,
    List<String> params,
    ResourceRequest resources,
    Set<String> writtenResources,
    RetryPolicy retry,
    Optional<Duration> timeout,
    boolean cache,
    String version,
    Optional<Condition> condition,
    Optional<FanOut> fanOut,
    OptionalInt parallelism,
    List<String> optimizations,
    StageBody body) {

  public StageSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    description = description == null ? "" : description;
    outputType = outputType == null ? "Object" : outputType;
    dependsOn = List.copyOf(dependsOn);
    inputs = List.copyOf(inputs);
    params = List.copyOf(params);
    Objects.requireNonNull(resources, "resources");
    writtenResources = Set.copyOf(writtenResources);
    if (!RESOURCE_FIELDS.containsAll(writtenResources)) {
      throw new IllegalArgumentException(
          "written resources of stage '"
              + name
              + "' must be among "
              + RESOURCE_FIELDS
              + ", not "
              + writtenResources);
    }
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(fanOut, "fanOut");
    Objects.requireNonNull(parallelism, "parallelism");
    if (parallelism.isPresent() && parallelism.getAsInt() < 1) {
      throw new IllegalArgumentException(
          "parallelism " + parallelism.getAsInt() + " of stage '" + name + "' must be at least 1");
    }
    optimizations = List.copyOf(optimizations);
    Objects.requireNonNull(body, "body");
  }

  /** The resources a stage can write: {@code cpu}, {@code memory}, {@code gpu}. */
  public static final Set<String> RESOURCE_FIELDS = Set.of("cpu", "memory", "gpu");

  /** Starts a stage with the defaults of {@link Stage} and {@code Resources}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * This stage with what a plan decides for a run: resources, retries, timeout, parallelism and
   * optimizations; everything else, its edges included, as it is.
   */
  public StageSpec planned(
      ResourceRequest plannedResources,
      RetryPolicy plannedRetry,
      Optional<Duration> plannedTimeout,
      OptionalInt plannedParallelism,
      List<String> plannedOptimizations) {
    return new StageSpec(
        name,
        type,
        description,
        outputType,
        dependsOn,
        inputs,
        params,
        plannedResources,
        writtenResources,
        plannedRetry,
        plannedTimeout,
        cache,
        version,
        condition,
        fanOut,
        plannedParallelism,
        plannedOptimizations,
        body);
  }

  /** Whether the stage returns a value. */
  public boolean hasOutput() {
    return !outputType.equals("void");
  }

  /**
   * Every stage that must finish first, in order: explicit dependencies, inputs, the fan-out's
   * input, then stages read by the condition; without repeats.
   */
  public List<String> upstream() {
    Set<String> all = new LinkedHashSet<>(dependsOn);
    for (InputSpec in : inputs) {
      all.add(in.stage());
    }
    fanOut.ifPresent(
        f -> {
          if (f instanceof FanOut.FromInput from) {
            all.add(from.stage());
          }
        });
    condition.ifPresent(c -> all.addAll(c.stages()));
    return List.copyOf(all);
  }

  /** Every parameter the stage reads: its own, its fan-out's and its condition's. */
  public List<String> paramsUsed() {
    Set<String> all = new LinkedHashSet<>(params);
    fanOut.ifPresent(
        f -> {
          if (f instanceof FanOut.FromParam from) {
            all.add(from.param());
          }
        });
    condition.ifPresent(c -> all.addAll(c.params()));
    return List.copyOf(all);
  }

  /** Builds a {@link StageSpec}. */
  public static final class Builder {
    private final String name;
    private StageType type = Stage.DEFAULT_TYPE;
    private String description = "";
    private String outputType = "Object";
    private final List<String> dependsOn = new ArrayList<>();
    private final List<InputSpec> inputs = new ArrayList<>();
    private final List<String> params = new ArrayList<>();
    private ResourceRequest resources = ResourceRequest.DEFAULT;
    private Set<String> writtenResources = Set.of();
    private RetryPolicy retry = RetryPolicy.NONE;
    private Duration timeout;
    private boolean cache = Stage.DEFAULT_CACHE;
    private String version = Stage.DEFAULT_VERSION;
    private Condition condition;
    private FanOut fanOut;
    private OptionalInt parallelism = OptionalInt.empty();
    private final List<String> optimizations = new ArrayList<>();
    private StageBody body;

    private Builder(String name) {
      this.name = name;
    }

    public Builder type(StageType value) {
      this.type = value;
      return this;
    }

    public Builder description(String value) {
      this.description = value;
      return this;
    }

    /** The output's Java type as written in source; {@code void} for none. */
    public Builder outputType(String value) {
      this.outputType = value;
      return this;
    }

    public Builder dependsOn(String... stages) {
      dependsOn.addAll(List.of(stages));
      return this;
    }

    public Builder input(InputSpec input) {
      inputs.add(input);
      return this;
    }

    /** Declares that the body reads these parameters. */
    public Builder params(String... names) {
      params.addAll(List.of(names));
      return this;
    }

    /** The stage's resources, all of them as written (see {@link #writtenResources}). */
    public Builder resources(ResourceRequest value) {
      this.resources = value;
      this.writtenResources = RESOURCE_FIELDS;
      return this;
    }

    /**
     * Which of the resources the source wrote ({@code cpu}, {@code memory}, {@code gpu}), when not
     * all of them: a plan gives a tenant's defaults to the others.
     */
    public Builder writtenResources(String... names) {
      this.writtenResources = Set.of(names);
      return this;
    }

    public Builder retry(RetryPolicy value) {
      this.retry = value;
      return this;
    }

    /** How many times a failed attempt is retried; keeps the backoff. */
    public Builder retries(int value) {
      this.retry = new RetryPolicy(value, retry.backoff());
      return this;
    }

    /** The delay before the first retry; keeps the number of retries. */
    public Builder backoff(Duration value) {
      this.retry = new RetryPolicy(retry.retries(), value);
      return this;
    }

    public Builder timeout(Duration value) {
      this.timeout = value;
      return this;
    }

    public Builder cache(boolean value) {
      this.cache = value;
      return this;
    }

    public Builder version(String value) {
      this.version = value;
      return this;
    }

    public Builder condition(Condition value) {
      this.condition = value;
      return this;
    }

    public Builder fanOut(FanOut value) {
      this.fanOut = value;
      return this;
    }

    /** The threads the stage should use; for a fan-out stage, the most instances at once. */
    public Builder parallelism(int value) {
      this.parallelism = OptionalInt.of(value);
      return this;
    }

    /** Switched-on optimizations the stage sees through its context. */
    public Builder optimizations(String... names) {
      optimizations.addAll(List.of(names));
      return this;
    }

    public Builder body(StageBody value) {
      this.body = value;
      return this;
    }

    public StageSpec build() {
      return new StageSpec(
          name,
          type,
          description,
          outputType,
          dependsOn,
          inputs,
          params,
          resources,
          writtenResources,
          retry,
          Optional.ofNullable(timeout),
          cache,
          version,
          Optional.ofNullable(condition),
          Optional.ofNullable(fanOut),
          parallelism,
          optimizations,
          body);
    }
  }
}
