package dev.stagecraft.runtime.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A pipeline as data: its parameters and stages in declaration order, and optionally a check of the
 * parameter values together ({@link ParamCheck}). Generated classes build one; it can be built by
 * hand as well, and {@link #builder(String)} checks what the processor would.
 *
 * <pre>{@code
 * PipelineDefinition def = PipelineDefinition.builder("hello")
 *     .param(ParamSpec.optional("name", ParamType.STRING, "who to greet", "world"))
 *     .stage(StageSpec.builder("greet").body(call -> "hello " + call.param("name")).build())
 *     .build();
 * }</pre>
 */
public record PipelineDefinition(
    String name,
    String description,
    List<ParamSpec> params,
    List<StageSpec> stages,
    Optional<ParamCheck> paramCheck) {

  public PipelineDefinition {
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    params = List.copyOf(params);
    stages = List.copyOf(stages);
    paramCheck = paramCheck == null ? Optional.empty() : paramCheck;
  }

  /** A definition without a check of its parameter values together. */
  public PipelineDefinition(
      String name, String description, List<ParamSpec> params, List<StageSpec> stages) {
    this(name, description, params, stages, Optional.empty());
  }

  /** Starts a definition with the given pipeline name. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The stage of that name, if any. */
  public Optional<StageSpec> stage(String stageName) {
    for (StageSpec s : stages) {
      if (s.name().equals(stageName)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The parameter of that name, if any. */
  public Optional<ParamSpec> param(String paramName) {
    for (ParamSpec p : params) {
      if (p.name().equals(paramName)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Builds a {@link PipelineDefinition}; {@link #build()} rejects what cannot run. */
  public static final class Builder {
    private final String name;
    private String description = "";
    private final List<ParamSpec> params = new ArrayList<>();
    private final List<StageSpec> stages = new ArrayList<>();
    private ParamCheck paramCheck;

    private Builder(String name) {
      this.name = name;
    }

    /** A one-line description. */
    public Builder description(String text) {
      this.description = text;
      return this;
    }

    /** Adds a parameter. */
    public Builder param(ParamSpec param) {
      params.add(param);
      return this;
    }

    /** Checks the parameter values of every run together, before any stage starts. */
    public Builder paramCheck(ParamCheck check) {
      this.paramCheck = Objects.requireNonNull(check, "check");
      return this;
    }

    /** Adds a stage. */
    public Builder stage(StageSpec stage) {
      stages.add(stage);
      return this;
    }

    /**
     * Checks the graph (unique names, known references, no cycles) and builds it.
     *
     * @throws InvalidPipelineException naming the first problem found
     */
    public PipelineDefinition build() {
      PipelineDefinition def =
          new PipelineDefinition(
              name, description, params, stages, Optional.ofNullable(paramCheck));
      GraphChecks.check(def);
      return def;
    }
  }
}
