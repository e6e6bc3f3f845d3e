package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.config.ConfigFiles;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.plan.Plan;
import dev.stagecraft.runtime.plan.PlanRequest;
import dev.stagecraft.runtime.plan.Planner;
import dev.stagecraft.runtime.plan.Profile;
import dev.stagecraft.runtime.plan.Template;
import dev.stagecraft.runtime.plan.optimize.PipelineHistory;
import dev.stagecraft.runtime.plan.optimize.Prices;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a plan is made of on the command line: the profile, the template file and environment, the
 * {@code -p} values, whether to right-size, the prices. {@code plan} and {@code run} take them from
 * options, {@code resume} from the plan its run recorded.
 */
record PlanInputs(
    Profile profile,
    Optional<Path> template,
    Optional<String> environment,
    Map<String, String> params,
    boolean optimize,
    Prices prices) {
  PlanInputs {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(environment, "environment");
    params = Map.copyOf(params);
    Objects.requireNonNull(prices, "prices");
  }

  /**
   * Reads the template and resolves the plan of {@code def} for {@code capacity}, its predictions
   * from {@code history}.
   *
   * @throws dev.stagecraft.runtime.UserInputException for a bad template, parameter or environment
   */
  Plan plan(PipelineDefinition def, ResourceRequest capacity, PipelineHistory history) {
    return plan(def, capacity, history, checkedTemplate(def));
  }

  /**
   * The template read and checked against {@code def}, if one is named.
   *
   * @throws dev.stagecraft.runtime.UserInputException for a bad template
   */
  Optional<Template> checkedTemplate(PipelineDefinition def) {
    return template.map(t -> ConfigFiles.template(t, def));
  }

  /** Resolves the plan of {@code def} for {@code capacity} with a template already read. */
  Plan plan(
      PipelineDefinition def,
      ResourceRequest capacity,
      PipelineHistory history,
      Optional<Template> checked) {
    PlanRequest request =
        PlanRequest.of(capacity)
            .withProfile(profile)
            .withParams(params)
            .withHistory(history)
            .withOptimize(optimize)
            .withPrices(prices);
    if (checked.isPresent()) {
      request = request.withTemplate(checked.get());
    }
    if (environment.isPresent()) {
      request = request.withEnvironment(environment.get());
    }
    return Planner.plan(def, request);
  }
}
