package dev.stagecraft.runtime.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every parameter of a run with its value, in declaration order: set values checked or parsed, the
 * rest from their defaults.
 *
 * @param values the typed values
 * @param texts the same values in their command-line text form (for the run history)
 */
public record ResolvedParams(Map<String, Object> values, Map<String, String> texts) {
  public ResolvedParams {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
  }
}
