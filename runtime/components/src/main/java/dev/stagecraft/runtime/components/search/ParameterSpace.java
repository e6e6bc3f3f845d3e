package dev.stagecraft.runtime.components.search;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The parameters a study varies, in a fixed order: samplers draw them in this order and trials list
 * them in it, so a seeded search is reproducible.
 *
 * <pre>{@code
 * ParameterSpace space = ParameterSpace.of(
 *     new Parameter.FloatRange("learning_rate", 1e-4, 1, true),
 *     new Parameter.IntRange("layers", 1, 8),
 *     new Parameter.Categorical("optimizer", List.of("sgd", "adam")));
 * }</pre>
 *
 * @param parameters the parameters, names unique
 */
public record ParameterSpace(List<Parameter> parameters) {

  /** Copies the list and requires unique names. */
  public ParameterSpace {
    parameters = List.copyOf(parameters);
    Set<String> names = new HashSet<>();
    for (Parameter p : parameters) {
      if (!names.add(p.name())) {
        throw new SearchSpaceException(
            "parameter '" + p.name() + "' appears twice in the search space; keep one of them");
      }
    }
  }

  /** A space of these parameters, in this order. */
  public static ParameterSpace of(Parameter... parameters) {
    return new ParameterSpace(List.of(parameters));
  }
}
