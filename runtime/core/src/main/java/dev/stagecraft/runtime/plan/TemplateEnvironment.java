package dev.stagecraft.runtime.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A template's overlay for one environment: parameter values (which {@code -p} overrides) and
 * settings per stage, applied before any rule.
 *
 * @param params values in their text form, checked against the parameters' types
 * @param stages settings by stage name, in file order
 */
public record TemplateEnvironment(
    String name, Map<String, String> params, Map<String, StageSettings> stages) {
  public TemplateEnvironment {
    Objects.requireNonNull(name, "name");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
  }

  /** What the ids of overlays' changes start with. */
  public static final String RULE_PREFIX = "environment:";

  /** The id the overlay's changes are recorded under: {@code environment:production}. */
  public String ruleId() {
    return RULE_PREFIX + name;
  }
}
