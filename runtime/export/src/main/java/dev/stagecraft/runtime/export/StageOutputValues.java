package dev.stagecraft.runtime.export;

import dev.stagecraft.runtime.graph.Condition;
import dev.stagecraft.runtime.graph.ConditionScope;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a stage's task passes on ({@link StageOutputs}), computed from its output by the code
 * the processor generated for each path: the text of each path, {@link ConditionValues#UNREADABLE}
 * for one that navigates through null (and for every path of a stage that ended without an output),
 * and its list's indexes.
 */
public final class StageOutputValues {
  private StageOutputValues() {}

  /**
   * The output parameters of stage {@code stage}, by name.
   *
   * @param hasOutput whether the stage ended with an output (SUCCEEDED or CACHED)
   */
  public static Map<String, String> of(
      PipelineDefinition def, String stage, boolean hasOutput, Object output) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, Condition.StagePath> e : StageOutputs.paths(def, stage).entrySet()) {
      Condition.StagePath path = e.getValue();
      String text = ConditionValues.UNREADABLE;
      if (hasOutput) {
        try {
          text =
              ConditionValues.text(path.type(), path.reader().read(new OneOutput(stage, output)));
        } catch (Unreadable unreadable) {
          text = ConditionValues.UNREADABLE;
        }
      }
      values.put(e.getKey(), text);
    }
    if (StageOutputs.listed(def, stage)) {
      values.put(
          ArgoNames.ITEMS,
          StageOutputs.indexes(hasOutput && output instanceof List<?> list ? list.size() : 0));
    }
    return values;
  }

  /** Navigating a path through null: the condition would fail. */
  private static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreadable() {
      super(null, null, false, false);
    }
  }

  /** A scope holding one stage's output, which is all a path into it reads. */
  private record OneOutput(String stage, Object output) implements ConditionScope {
    @Override
    public <T> T param(String name) {
      throw new IllegalStateException("a path into stage '" + stage + "' reads no parameter");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T output(String name) {
      if (!name.equals(stage)) {
        throw new IllegalStateException("a path into stage '" + stage + "' reads '" + name + "'");
      }
      return (T) output;
    }

    @Override
    public <T> T profile(String fact) {
      throw new IllegalStateException("a path into stage '" + stage + "' reads no profile fact");
    }

    @Override
    public <T> T saw(String path, T value) {
      return value;
    }

    @Override
    public <T> T notNull(String path, T value) {
      if (value == null) {
        throw new Unreadable();
      }
      return value;
    }
  }
}
