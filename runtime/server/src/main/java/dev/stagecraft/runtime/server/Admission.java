package dev.stagecraft.runtime.server;

import dev.stagecraft.annotations.syntax.Suggestions;
import dev.stagecraft.runtime.UserInputException;
import dev.stagecraft.runtime.config.ConfigFiles;
import dev.stagecraft.runtime.config.tenants.Tenant;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.StageSpec;
import dev.stagecraft.runtime.plan.Plan;
import dev.stagecraft.runtime.plan.PlanRequest;
import dev.stagecraft.runtime.plan.Planner;
import dev.stagecraft.runtime.plan.Profile;
import dev.stagecraft.runtime.plan.StagePlan;
import dev.stagecraft.runtime.plan.TenantQuota;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a tenant's submission is accepted, and its plan: the pipeline exists (404 with a
 * suggestion) and the tenant may run it and its stage types (403); the plan as {@code run} makes
 * it, with the server's template of the pipeline and the submission's environment, the tenant's
 * resource defaults and quota policy and its own history; then the GPU permission and the quota's
 * refusal (403) and the plan's other problems (400).
 */
final class Admission {
  private final ServerOptions options;
  private final PipelineSource pipelines;

  Admission(ServerOptions options, PipelineSource pipelines) {
    this.options = options;
    this.pipelines = pipelines;
  }

  /** A submission accepted: its pipeline and its plan. */
  record Admitted(PipelineDefinition definition, Plan plan) {}

  /**
   * Checks and plans a submission.
   *
   * @throws HttpError 400, 403 or 404 when it is not accepted
   */
  Admitted admit(Tenant tenant, SubmissionRequest request, TenantSpace space) {
    PipelineDefinition def = permittedPipeline(tenant, request.pipeline());
    checkStageTypes(tenant, def);
    Plan plan = plan(tenant, def, request, space);
    checkPlan(tenant, plan);
    return new Admitted(def, plan);
  }

  PipelineDefinition permittedPipeline(Tenant tenant, String name) {
    Optional<PipelineDefinition> def = pipelines.find(name);
    if (def.isEmpty()) {
      List<String> visible =
          pipelines.all().stream()
              .map(PipelineDefinition::name)
              .filter(n -> tenant.permissions().allowsPipeline(n))
              .toList();
      throw HttpError.notFound(
          "unknown pipeline '"
              + name
              + "'"
              + Suggestions.didYouMeanOrList(name, visible, "pipelines")
              + "; GET /api/v1/pipelines lists them");
    }
    if (!tenant.permissions().allowsPipeline(name)) {
      throw HttpError.forbidden(
          "tenant '"
              + tenant.id()
              + "' may not run pipeline '"
              + name
              + "' (its pipelines: "
              + String.join(", ", tenant.permissions().pipelines())
              + ")");
    }
    return def.get();
  }

  static void checkStageTypes(Tenant tenant, PipelineDefinition def) {
    List<String> refused = new ArrayList<>();
    for (StageSpec s : def.stages()) {
      if (!tenant.permissions().stageTypes().contains(s.type())) {
        refused.add("'" + s.name() + "' is " + s.type());
      }
    }
    if (!refused.isEmpty()) {
      throw HttpError.forbidden(
          "tenant '"
              + tenant.id()
              + "' may not run stages of these types in pipeline '"
              + def.name()
              + "': "
              + String.join(", ", refused)
              + " (its stageTypes: "
              + String.join(
                  ", ",
                  tenant.permissions().stageTypes().stream().map(Enum::name).sorted().toList())
              + ")");
    }
  }

  /** The plan of a submission, with the tenant's defaults and quota; bad input is a 400. */
  Plan plan(Tenant tenant, PipelineDefinition def, SubmissionRequest request, TenantSpace space) {
    try {
      PlanRequest planRequest =
          PlanRequest.of(options.capacity())
              .withProfile(Profile.parse(request.profile()))
              .withParams(request.params())
              .withHistory(space.history(def.name()))
              .withTenant(tenant.limits());
      Optional<Path> template = templateFile(def);
      if (template.isPresent()) {
        planRequest = planRequest.withTemplate(ConfigFiles.template(template.get(), def));
      }
      if (request.environment().isPresent()) {
        if (template.isEmpty()) {
          throw HttpError.badRequest(
              "environment '"
                  + request.environment().get()
                  + "' needs a template of pipeline '"
                  + def.name()
                  + "': the server has none (start it with --templates DIR holding "
                  + def.name()
                  + ".yaml)");
        }
        planRequest = planRequest.withEnvironment(request.environment().get());
      }
      return Planner.plan(def, planRequest);
    } catch (UserInputException e) {
      throw HttpError.badRequest(String.join("; ", e.problems()));
    }
  }

  Optional<Path> templateFile(PipelineDefinition def) {
    return options
        .templates()
        .map(dir -> dir.resolve(def.name() + ".yaml"))
        .filter(Files::isRegularFile);
  }

  /**
   * The tenant's GPU permission first (403), then its quota's refusal (403 with the numbers), then
   * the plan's other problems (400).
   */
  static void checkPlan(Tenant tenant, Plan plan) {
    if (!tenant.permissions().gpu()) {
      List<String> gpu = new ArrayList<>();
      for (StagePlan s : plan.stages()) {
        if (s.included() && s.resources().gpu() > 0) {
          gpu.add("'" + s.name() + "' asks for " + s.resources().gpu());
        }
      }
      if (!gpu.isEmpty()) {
        throw HttpError.forbidden(
            "tenant '"
                + tenant.id()
                + "' may not use GPUs (permissions.gpu is false): stage "
                + String.join(", stage ", gpu));
      }
    }
    if (!plan.valid()) {
      TenantQuota.refusal(plan, tenant.limits())
          .ifPresent(
              reason -> {
                throw HttpError.forbidden(reason);
              });
      throw HttpError.badRequest("the run cannot start: " + String.join("; ", plan.problems()));
    }
  }
}
