package dev.stagecraft.runtime.plan;

import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.plan.optimize.PipelineHistory;
import dev.stagecraft.runtime.plan.optimize.Prices;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a plan is resolved from, besides the pipeline: the profile, a checked template and the
 * environment whose overlay applies (default: the profile's {@code environment}), the parameters
 * given ({@code -p}, in text form, overriding the template's), the capacity it is validated
 * against, the run history its predictions come from, whether to right-size requests from it
 * ({@code --optimize}), the prices its cost is computed at, and the tenant it is for (its resource
 * defaults and quota, on a pipeline server).
 *
 * <pre>{@code
 * PlanRequest request = PlanRequest.of(capacity).withProfile(profile).withTemplate(template)
 *     .withHistory(history).withOptimize(true);
 * }</pre>
 */
public record PlanRequest(
    Profile profile,
    Optional<Template> template,
    Optional<String> environment,
    Map<String, String> params,
    ResourceRequest capacity,
    PipelineHistory history,
    boolean optimize,
    Prices prices,
    Optional<TenantLimits> tenant) {

  public PlanRequest {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(environment, "environment");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    Objects.requireNonNull(capacity, "capacity");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(prices, "prices");
    Objects.requireNonNull(tenant, "tenant");
  }

  /** No profile, no template, no parameters, no history, the default prices, this capacity. */
  public static PlanRequest of(ResourceRequest capacity) {
    return new PlanRequest(
        Profile.EMPTY,
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        capacity,
        PipelineHistory.EMPTY,
        false,
        Prices.DEFAULTS,
        Optional.empty());
  }

  public PlanRequest withProfile(Profile value) {
    return new PlanRequest(
        value, template, environment, params, capacity, history, optimize, prices, tenant);
  }

  public PlanRequest withTemplate(Template value) {
    return new PlanRequest(
        profile,
        Optional.of(value),
        environment,
        params,
        capacity,
        history,
        optimize,
        prices,
        tenant);
  }

  /** Selects the template's environment explicitly, instead of the profile's. */
  public PlanRequest withEnvironment(String value) {
    return new PlanRequest(
        profile, template, Optional.of(value), params, capacity, history, optimize, prices, tenant);
  }

  /** Parameter values in their text form, as {@code -p name=value} gives them. */
  public PlanRequest withParams(Map<String, String> value) {
    return new PlanRequest(
        profile, template, environment, value, capacity, history, optimize, prices, tenant);
  }

  /** The pipeline's recent executions, which predictions and right-sizing read. */
  public PlanRequest withHistory(PipelineHistory value) {
    return new PlanRequest(
        profile, template, environment, params, capacity, value, optimize, prices, tenant);
  }

  /** Whether to right-size cpu and memory from observed use. */
  public PlanRequest withOptimize(boolean value) {
    return new PlanRequest(
        profile, template, environment, params, capacity, history, value, prices, tenant);
  }

  /**
   * The tenant the run is for: its resource defaults and quota policy take part in the plan ({@link
   * TenantQuota}).
   */
  public PlanRequest withTenant(TenantLimits value) {
    return new PlanRequest(
        profile,
        template,
        environment,
        params,
        capacity,
        history,
        optimize,
        prices,
        Optional.of(value));
  }

  /** The prices the predicted cost is computed at. */
  public PlanRequest withPrices(Prices value) {
    return new PlanRequest(
        profile, template, environment, params, capacity, history, optimize, value, tenant);
  }
}
