package dev.stagecraft.runtime.plan;

import dev.stagecraft.annotations.StageType;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The rules every plan applies, in this order (a template's rules come between the last two). Each
 * fires only when the profile gives its fact. Resources are raised as numbers ("at least": the
 * larger of the value and the rule's), never lowered, except by the priority boost, which
 * multiplies. "Data stages" are every stage type but {@code DEPLOYMENT} and {@code GENERIC}.
 */
public enum BuiltInRule implements PlanRule {
  /** {@code data_size > 1e9} / {@code > 1e6}: parallelism at least 4 / 2 for every stage. */
  PARALLELISM_BY_DATA_SIZE("parallelism-by-data-size"),
  /** {@code model_complexity} high / medium: training gpu at least 2 and memory 16Gi / gpu 1. */
  TRAINING_RESOURCES_BY_COMPLEXITY("training-resources-by-complexity"),
  /** {@code latency_requirement = ultra_low}: inference optimizations, cpu 4, memory 8Gi. */
  INFERENCE_ULTRA_LOW_LATENCY("inference-ultra-low-latency"),
  /** {@code data_preprocessed = true}: preprocessing stages excluded. */
  SKIP_PREPROCESSING_WHEN_PREPROCESSED("skip-preprocessing-when-preprocessed"),
  /** {@code environment = production}: validation stages excluded. */
  SKIP_VALIDATION_IN_PRODUCTION("skip-validation-in-production"),
  /** {@code pipeline_mode != training}: feature engineering stages excluded. */
  FEATURE_ENGINEERING_ONLY_IN_TRAINING("feature-engineering-only-in-training"),
  /** {@code data_size > 0}: data stages' memory at least 10% of the data size. */
  MEMORY_BY_DATA_SIZE("memory-by-data-size"),
  /** {@code data_size > 1e9}: data stages' cpu doubled, at most 16 (never lowered). */
  CPU_BY_DATA_SIZE("cpu-by-data-size"),
  /** {@code priority = high}: every stage's cpu and memory x 1.5; applied last. */
  HIGH_PRIORITY_BOOST("high-priority-boost");

  /** The optimizations {@link #INFERENCE_ULTRA_LOW_LATENCY} switches on. */
  public static final List<String> LOW_LATENCY_OPTIMIZATIONS =
      List.of("model_quantization", "batch_processing", "cache_warming");

  private static final long GIB = 1L << 30;

  private final String id;

  BuiltInRule(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }

  /** Whether {@code id} is a built-in rule's id. */
  static boolean isBuiltIn(String id) {
    for (BuiltInRule r : values()) {
      if (r.id.equals(id)) {
        return true;
      }
    }
    return false;
  }

  /** Every built-in rule applied before a template's rules, in order. */
  public static List<BuiltInRule> beforeTemplate() {
    return List.of(values()).subList(0, HIGH_PRIORITY_BOOST.ordinal());
  }

  @Override
  public void apply(PlanDraft draft) {
    Profile p = draft.profile;
    OptionalLong size = p.dataSize();
    switch (this) {
      case PARALLELISM_BY_DATA_SIZE -> {
        if (size.isPresent() && size.getAsLong() > 1_000_000) {
          int atLeast = size.getAsLong() > 1_000_000_000 ? 4 : 2;
          each(draft, s -> true, s -> s.raiseParallelism(atLeast, id));
        }
      }
      case TRAINING_RESOURCES_BY_COMPLEXITY -> {
        if (p.is("model_complexity", "high")) {
          each(
              draft,
              s -> s.spec.type() == StageType.TRAINING,
              s -> {
                s.setGpu(Math.max(s.gpu(), 2), id);
                s.raiseMemory(16 * GIB, id);
              });
        } else if (p.is("model_complexity", "medium")) {
          each(
              draft,
              s -> s.spec.type() == StageType.TRAINING,
              s -> s.setGpu(Math.max(s.gpu(), 1), id));
        }
      }
      case INFERENCE_ULTRA_LOW_LATENCY -> {
        if (p.is("latency_requirement", "ultra_low")) {
          each(
              draft,
              s -> s.spec.type() == StageType.INFERENCE,
              s -> {
                s.addOptimizations(LOW_LATENCY_OPTIMIZATIONS, id);
                s.raiseCpu(4000, id);
                s.raiseMemory(8 * GIB, id);
              });
        }
      }
      case SKIP_PREPROCESSING_WHEN_PREPROCESSED -> {
        if (p.is("data_preprocessed", true)) {
          excludeType(draft, StageType.PREPROCESSING, "data_preprocessed = true");
        }
      }
      case SKIP_VALIDATION_IN_PRODUCTION -> {
        if (p.is("environment", "production")) {
          excludeType(draft, StageType.VALIDATION, "environment = production");
        }
      }
      case FEATURE_ENGINEERING_ONLY_IN_TRAINING -> {
        Optional<Object> mode = p.fact("pipeline_mode");
        if (mode.isPresent() && !mode.get().equals("training")) {
          excludeType(draft, StageType.FEATURE_ENGINEERING, "pipeline_mode = " + mode.get());
        }
      }
      case MEMORY_BY_DATA_SIZE -> {
        if (size.isPresent() && size.getAsLong() > 0) {
          long tenth = StageDraft.readableMemory((size.getAsLong() + 9) / 10);
          each(draft, BuiltInRule::isDataStage, s -> s.raiseMemory(tenth, id));
        }
      }
      case CPU_BY_DATA_SIZE -> {
        if (size.isPresent() && size.getAsLong() > 1_000_000_000) {
          each(
              draft,
              BuiltInRule::isDataStage,
              s -> s.raiseCpu(Math.min(2 * s.milliCpu(), 16_000), id));
        }
      }
      case HIGH_PRIORITY_BOOST -> {
        if (p.is("priority", "high")) {
          each(
              draft,
              s -> true,
              s -> {
                s.setCpu((s.milliCpu() * 3 + 1) / 2, id);
                s.setMemory(StageDraft.readableMemory((s.memoryBytes() * 3 + 1) / 2), id);
              });
        }
      }
    }
  }

  /** Whether the stage works on data: every type but DEPLOYMENT and GENERIC. */
  static boolean isDataStage(StageDraft s) {
    return s.spec.type() != StageType.DEPLOYMENT && s.spec.type() != StageType.GENERIC;
  }

  private void excludeType(PlanDraft draft, StageType type, String why) {
    each(draft, s -> s.spec.type() == type, s -> s.exclude(id, why));
  }

  /** The rule fired: applies {@code change} to every included stage that {@code matches}. */
  private void each(
      PlanDraft draft,
      java.util.function.Predicate<StageDraft> matches,
      Consumer<StageDraft> change) {
    draft.fired(id);
    for (StageDraft s : draft.stages) {
      if (s.included() && matches.test(s)) {
        change.accept(s);
      }
    }
  }
}
