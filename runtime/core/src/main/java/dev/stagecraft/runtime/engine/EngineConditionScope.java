package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.graph.Condition;
import dev.stagecraft.runtime.graph.ConditionScope;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a compiled condition reads in a run, remembering the values it looked at so a false
 * condition explains itself.
 */
final class EngineConditionScope implements ConditionScope {
  private final Condition condition;
  private final Map<String, Object> params;
  private final java.util.function.Function<String, Object> outputs;
  private final Map<String, Object> profile;
  private final Map<String, Object> seen = new LinkedHashMap<>();

  EngineConditionScope(
      Condition condition,
      Map<String, Object> params,
      java.util.function.Function<String, Object> outputs,
      Map<String, Object> profile) {
    this.condition = condition;
    this.params = params;
    this.outputs = outputs;
    this.profile = profile;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T param(String name) {
    return (T) params.get(name);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T output(String stage) {
    return (T) outputs.apply(stage);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T profile(String fact) {
    return (T) profile.get(fact);
  }

  @Override
  public <T> T saw(String path, T value) {
    seen.put(path, value);
    return value;
  }

  @Override
  public <T> T notNull(String path, T value) {
    if (value == null) {
      seen.put(path, null);
      throw new ConditionNullException(
          "condition '" + condition.source() + "' cannot be evaluated: " + path + " is null");
    }
    return value;
  }

  /** {@code abTest.confidence > 0.8 was false (abTest.confidence = 0.62)}. */
  String falseReason() {
    StringBuilder b = new StringBuilder(condition.source()).append(" was false");
    if (!seen.isEmpty()) {
      b.append(" (");
      boolean first = true;
      for (Map.Entry<String, Object> e : seen.entrySet()) {
        if (!first) {
          b.append(", ");
        }
        first = false;
        b.append(e.getKey()).append(" = ").append(format(e.getValue()));
      }
      b.append(')');
    }
    return b.toString();
  }

  static String format(Object v) {
    if (v instanceof CharSequence || v instanceof Character) {
      return "'" + v + "'";
    }
    if (v instanceof Enum<?> e) {
      return e.name();
    }
    return String.valueOf(v);
  }
}
