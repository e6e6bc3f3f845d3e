package dev.stagecraft.runtime.components.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trial a study handed out: its number and the parameter values to evaluate.
 *
 * @param number the trial's number, from 0, in the order the study proposed it
 * @param params one value per parameter of the space, in the space's order
 */
public record Trial(int number, Map<String, Object> params) {
  /** Copies the values, keeping their order. */
  public Trial {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }
}
