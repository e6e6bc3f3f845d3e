package dev.stagecraft.runtime.components.train;

import dev.stagecraft.runtime.components.search.Parameter;
import dev.stagecraft.runtime.components.search.ParameterSpace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hyperparameters a search varies for one model type and the values it tries, checked against
 * the model type's declarations when built. Hyperparameters it does not mention keep their
 * defaults. Iteration follows the model type's declaration order, whatever the order of the map it
 * was built from, so a search is reproducible.
 *
 * <pre>{@code
 * SearchSpace space = SearchSpace.of("svm", Map.of("C", Domain.logReals(0.1, 10),
 *                                                  "kernel", Domain.of("linear", "rbf")));
 * }</pre>
 *
 * @param modelType the model type searched
 * @param domains the varied hyperparameters, in declaration order
 */
public record SearchSpace(ModelType modelType, Map<String, Domain> domains) {

  /** Copies the domains, keeping their order. */
  public SearchSpace {
    domains = Collections.unmodifiableMap(new LinkedHashMap<>(domains));
  }

  /** Checks and orders a space for the model type named {@code modelType}. */
  public static SearchSpace of(String modelType, Map<String, Domain> domains) {
    return of(ModelType.fromId(modelType), domains);
  }

  /**
   * Checks and orders a space.
   *
   * @throws TrainingConfigException for an unknown hyperparameter name (listing the valid ones) or
   *     a value outside its valid range
   */
  public static SearchSpace of(ModelType modelType, Map<String, Domain> domains) {
    for (String name : new java.util.TreeSet<>(domains.keySet())) {
      modelType.hyperparameter(name);
    }
    Map<String, Domain> ordered = new LinkedHashMap<>();
    for (Hyperparameter h : modelType.hyperparameters()) {
      Domain domain = domains.get(h.name());
      if (domain != null) {
        ordered.put(h.name(), h.check(modelType.id(), domain));
      }
    }
    return new SearchSpace(modelType, ordered);
  }

  /** The varied hyperparameters as the search's parameters, in declaration order. */
  public ParameterSpace parameters() {
    List<Parameter> parameters = new ArrayList<>();
    domains.forEach((name, domain) -> parameters.add(domain.toParameter(name)));
    return new ParameterSpace(parameters);
  }
}
