package dev.stagecraft.runtime.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A template, checked against its pipeline ({@link TemplateChecker}): environment overlays and
 * rules, each value checked as if written in the source. A template never changes the graph's
 * edges; it only includes or excludes stages and changes resources, retries, timeouts, parallelism,
 * optimizations and parameter values.
 *
 * <pre>
 * pipeline: advanced-ml
 * environments:
 *   production:
 *     params: {nTrials: 32, folds: 5}
 *     stages:
 *       train: {resources: {cpu: "4", memory: 8Gi}, retries: 3, timeout: PT30M}
 * rules:
 *   - name: big-data-gpu
 *     when: "profile.data_size &gt; 1e10 &amp;&amp; profile.environment == 'production'"
 *     stages: [train]                    # or stageTypes: [TRAINING]
 *     set: {resources: {gpu: 1}}
 * </pre>
 *
 * @param file the file as the user named it
 * @param environments in file order
 * @param rules in file order, applied after the built-in rules and before the priority boost
 */
public record Template(
    String file,
    String pipeline,
    List<TemplateEnvironment> environments,
    List<TemplateRule> rules) {
  public Template {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(pipeline, "pipeline");
    environments = List.copyOf(environments);
    rules = List.copyOf(rules);
  }

  /** The environment of that name, if the template has one. */
  public Optional<TemplateEnvironment> environment(String name) {
    return environments.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The environments' names, in file order. */
  public List<String> environmentNames() {
    return environments.stream().map(TemplateEnvironment::name).toList();
  }
}
