package dev.stagecraft.annotations.condition;

import java.util.List;
import java.util.Optional;

/**
 * The facts a run's profile may give, described once for the processor (which checks {@code
 * profile.<fact>} in {@code @When} at compile time) and the runtime (which reads {@code --profile
 * key=value} and template rules).
 *
 * <pre>{@code
 * ProfileFacts.find("environment").orElseThrow().values();   // [dev, staging, production]
 * }</pre>
 */
public final class ProfileFacts {
  /** The root name conditions read facts through: {@code profile.environment}. */
  public static final String ROOT = "profile";

  /** Every fact, in the order plans and messages list them. */
  public static final List<ProfileFact> ALL =
      List.of(
          new ProfileFact("data_size", ProfileFact.Kind.BYTES, List.of()),
          new ProfileFact(
              "model_complexity", ProfileFact.Kind.CHOICE, List.of("low", "medium", "high")),
          new ProfileFact(
              "latency_requirement",
              ProfileFact.Kind.CHOICE,
              List.of("standard", "low", "ultra_low")),
          new ProfileFact("priority", ProfileFact.Kind.CHOICE, List.of("low", "normal", "high")),
          new ProfileFact(
              "environment", ProfileFact.Kind.CHOICE, List.of("dev", "staging", "production")),
          new ProfileFact(
              "pipeline_mode", ProfileFact.Kind.CHOICE, List.of("training", "inference")),
          new ProfileFact("data_preprocessed", ProfileFact.Kind.BOOLEAN, List.of()));

  private ProfileFacts() {}

  /** The fact of that name, if there is one. */
  public static Optional<ProfileFact> find(String name) {
    for (ProfileFact fact : ALL) {
      if (fact.name().equals(name)) {
        return Optional.of(fact);
      }
    }
    return Optional.empty();
  }

  /** Every fact's name, in order. */
  public static List<String> names() {
    return ALL.stream().map(ProfileFact::name).toList();
  }
}
