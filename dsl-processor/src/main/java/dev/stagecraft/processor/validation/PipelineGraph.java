package dev.stagecraft.processor.validation;

import dev.stagecraft.annotations.condition.ConditionError;
import dev.stagecraft.processor.condition.ConditionCompiler;
import dev.stagecraft.processor.condition.ConditionResult;
import dev.stagecraft.processor.diagnostics.Diagnostic;
import dev.stagecraft.processor.diagnostics.Location;
import dev.stagecraft.processor.diagnostics.Report;
import dev.stagecraft.processor.parse.ParamModel;
import dev.stagecraft.processor.parse.PipelineModel;
import dev.stagecraft.processor.parse.StageModel;
import dev.stagecraft.processor.parse.TypeSupport;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.type.TypeMirror;

/**
 * A pipeline model with what the checks and the generator look up: stages by name (the first of
 * duplicates), parameters by name (the {@code @Parameters} record's declarations, then the first
 * declaration on a stage) and the compiled {@code @When}s.
 */
public final class PipelineGraph {
  private final PipelineModel model;
  private final TypeSupport types;
  private final Map<String, StageModel> stages = new LinkedHashMap<>();
  private final Map<String, ParamModel> params = new LinkedHashMap<>();
  private final Map<StageModel, ConditionResult.Compiled> conditions = new HashMap<>();
  private final Report conditionReport = new Report();
  private boolean unresolved;

  private PipelineGraph(PipelineModel model, TypeSupport types) {
    this.model = model;
    this.types = types;
  }

  /**
   * Indexes the model and compiles its conditions (their errors go to {@link #conditionReport()}).
   *
   * @param lastRound whether javac's last round runs: then a condition that failed on a type not
   *     resolved yet is an error, not a reason to wait ({@link #waitsForTypes()})
   */
  public static PipelineGraph build(
      PipelineModel model, TypeSupport types, ConditionCompiler compiler, boolean lastRound) {
    PipelineGraph g = new PipelineGraph(model, types);
    model.declared().ifPresent(d -> d.params().forEach(p -> g.params.putIfAbsent(p.name(), p)));
    for (StageModel s : model.stages()) {
      g.stages.putIfAbsent(s.name(), s);
      for (ParamModel p : s.params()) {
        g.params.putIfAbsent(p.name(), p);
      }
    }
    boolean anyCondition = model.stages().stream().anyMatch(s -> s.when().isPresent());
    if (anyCondition) {
      g.compileConditions(compiler, lastRound);
    }
    return g;
  }

  private void compileConditions(ConditionCompiler compiler, boolean lastRound) {
    Map<String, TypeMirror> paramTypes = new LinkedHashMap<>();
    params.forEach((name, p) -> paramTypes.put(name, p.type()));
    Map<String, TypeMirror> outputs = new LinkedHashMap<>();
    Set<String> fanOut = new HashSet<>();
    stages.forEach(
        (name, s) -> {
          outputs.put(name, outputType(s));
          if (s.isFanOut()) {
            fanOut.add(name);
          }
        });
    Map<String, TypeMirror> roParams = Collections.unmodifiableMap(paramTypes);
    Map<String, TypeMirror> roOutputs = Collections.unmodifiableMap(outputs);
    for (StageModel s : model.stages()) {
      if (s.when().isEmpty() || !isPrimary(s)) {
        continue;
      }
      var when = s.when().get();
      ConditionResult result = compiler.compile(when.source(), roParams, roOutputs, fanOut);
      List<ConditionError> errors = List.of();
      if (result instanceof ConditionResult.Compiled c) {
        conditions.put(s, c);
      } else if (result instanceof ConditionResult.Failed f) {
        errors = f.errors();
      } else if (result instanceof ConditionResult.Unresolved u) {
        unresolved |= !lastRound;
        errors = u.errors();
      }
      for (ConditionError e : errors) {
        conditionReport.error(
            Diagnostic.INVALID_CONDITION,
            Location.of(s.method(), when.mirror(), when.value()),
            e.message(),
            e.column());
      }
    }
  }

  /**
   * Whether a condition failed on a type javac has not resolved yet, in a round before the last:
   * the processor then tries the pipeline again in the next round instead of reporting anything.
   */
  public boolean waitsForTypes() {
    return unresolved;
  }

  /** Whether {@code s} is the stage its name stands for (not a later one of the same name). */
  public boolean isPrimary(StageModel s) {
    return stages.get(s.name()) == s;
  }

  public PipelineModel model() {
    return model;
  }

  public TypeSupport types() {
    return types;
  }

  /** The stage of that name (the first declared, if duplicated). */
  public Optional<StageModel> stage(String name) {
    return Optional.ofNullable(stages.get(name));
  }

  /** Stage names, in declaration order. */
  public java.util.Set<String> stageNames() {
    return stages.keySet();
  }

  /**
   * The first declaration of each parameter: the {@code @Parameters} record's in its order, then
   * those first declared on a stage, in order of first appearance.
   */
  public Map<String, ParamModel> params() {
    return Collections.unmodifiableMap(params);
  }

  /** The compiled condition of a stage, when it has a valid {@code @When}. */
  public Optional<ConditionResult.Compiled> condition(StageModel stage) {
    return Optional.ofNullable(conditions.get(stage));
  }

  /** Errors found while compiling conditions. */
  public Report conditionReport() {
    return conditionReport;
  }

  /**
   * What a consumer receives from a stage: its return type, {@code List<R>} for a fan-out stage.
   */
  public TypeMirror outputType(StageModel s) {
    if (s.isFanOut() && !s.isVoid()) {
      return types.listOf(s.returnType());
    }
    return s.returnType();
  }
}
