package dev.stagecraft.runtime.plan;

import dev.stagecraft.runtime.graph.ResourceRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a plan is resolved from, besides the pipeline: the profile, a checked template and the
 * environment whose overlay applies (default: the profile's {@code environment}), the parameters
 * given ({@code -p}, in text form, overriding the template's), and the capacity it is validated
 * against.
 *
 * <pre>{@code
 * PlanRequest request = PlanRequest.of(capacity).withProfile(profile).withTemplate(template);
 * }</pre>
 */
public record PlanRequest(
    Profile profile,
    Optional<Template> template,
    Optional<String> environment,
    Map<String, String> params,
    ResourceRequest capacity) {

  public PlanRequest {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(environment, "environment");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    Objects.requireNonNull(capacity, "capacity");
  }

  /** No profile, no template, no parameters, this capacity. */
  public static PlanRequest of(ResourceRequest capacity) {
    return new PlanRequest(Profile.EMPTY, Optional.empty(), Optional.empty(), Map.of(), capacity);
  }

  public PlanRequest withProfile(Profile value) {
    return new PlanRequest(value, template, environment, params, capacity);
  }

  public PlanRequest withTemplate(Template value) {
    return new PlanRequest(profile, Optional.of(value), environment, params, capacity);
  }

  /** Selects the template's environment explicitly, instead of the profile's. */
  public PlanRequest withEnvironment(String value) {
    return new PlanRequest(profile, template, Optional.of(value), params, capacity);
  }

  /** Parameter values in their text form, as {@code -p name=value} gives them. */
  public PlanRequest withParams(Map<String, String> value) {
    return new PlanRequest(profile, template, environment, value, capacity);
  }
}
