package dev.stagecraft.annotations.condition;

import java.util.List;
import java.util.Objects;

/**
 * One fact of a run's profile: what a run says about its execution, not about its data flow ({@code
 * profile.environment}, {@code profile.data_size}). Conditions read it as {@code profile.<name>};
 * an absent fact is null.
 *
 * @param name the fact's name, as written after {@code profile.} and in {@code --profile}
 * @param kind what its values are
 * @param values the allowed values of a {@link Kind#CHOICE} fact, lowercase; empty otherwise
 */
public record ProfileFact(String name, Kind kind, List<String> values) {

  /** What a fact's values are. */
  public enum Kind {
    /** A whole number of bytes, written as a quantity ({@code 2e9}, {@code 500M}, {@code 2Gi}). */
    BYTES("a whole number of bytes"),
    /** One of a fixed set of lowercase words. */
    CHOICE("one of its values"),
    /** {@code true} or {@code false}. */
    BOOLEAN("true or false");

    private final String describe;

    Kind(String describe) {
      this.describe = describe;
    }

    /** How the kind reads in a message: {@code a whole number of bytes}. */
    public String describe() {
      return describe;
    }
  }

  public ProfileFact {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    values = List.copyOf(values);
    if ((kind == Kind.CHOICE) == values.isEmpty()) {
      throw new IllegalArgumentException("only a CHOICE fact has values: " + name);
    }
  }
}
