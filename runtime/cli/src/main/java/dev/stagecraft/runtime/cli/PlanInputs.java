package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.config.ConfigFiles;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.plan.Plan;
import dev.stagecraft.runtime.plan.PlanRequest;
import dev.stagecraft.runtime.plan.Planner;
import dev.stagecraft.runtime.plan.Profile;
import dev.stagecraft.runtime.plan.Template;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a plan is made of on the command line: the profile, the template file and environment, the
 * {@code -p} values. {@code plan} and {@code run} take them from options, {@code resume} from the
 * plan its run recorded.
 */
record PlanInputs(
    Profile profile,
    Optional<Path> template,
    Optional<String> environment,
    Map<String, String> params) {
  PlanInputs {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(environment, "environment");
    params = Map.copyOf(params);
  }

  /**
   * Reads the template and resolves the plan of {@code def} for {@code capacity}.
   *
   * @throws dev.stagecraft.runtime.UserInputException for a bad template, parameter or environment
   */
  Plan plan(PipelineDefinition def, ResourceRequest capacity) {
    return plan(def, capacity, checkedTemplate(def));
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
  Plan plan(PipelineDefinition def, ResourceRequest capacity, Optional<Template> checked) {
    PlanRequest request = PlanRequest.of(capacity).withProfile(profile).withParams(params);
    if (checked.isPresent()) {
      request = request.withTemplate(checked.get());
    }
    if (environment.isPresent()) {
      request = request.withEnvironment(environment.get());
    }
    return Planner.plan(def, request);
  }
}
