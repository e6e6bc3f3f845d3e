package dev.stagecraft.runtime.plan;

import dev.stagecraft.annotations.condition.ProfileFact;
import dev.stagecraft.annotations.condition.ProfileFacts;
import dev.stagecraft.annotations.syntax.Quantities;
import dev.stagecraft.annotations.syntax.Suggestions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A run's profile: facts about this execution, not about its data flow ({@link ProfileFacts}: data
 * size, model complexity, latency requirement, priority, environment, pipeline mode, whether the
 * data is preprocessed). Rules of a plan fire on them and conditions read them as {@code
 * profile.<fact>}. A fact the run does not give is absent.
 *
 * <pre>{@code
 * Profile p = Profile.parse(Map.of("environment", "production", "data_size", "2Gi"));
 * p.dataSize();                  // OptionalLong[2147483648]
 * p.fact("environment");         // Optional[production]
 * }</pre>
 *
 * @param facts the given facts in {@link ProfileFacts#ALL} order: a {@code Long} of bytes, a
 *     lowercase {@code String}, or a {@code Boolean}
 */
public record Profile(Map<String, Object> facts) {
  /** No facts: no rule that needs one fires. */
  public static final Profile EMPTY = new Profile(Map.of());

  public Profile {
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (ProfileFact fact : ProfileFacts.ALL) {
      Object value = facts.get(fact.name());
      if (value != null) {
        ordered.put(fact.name(), value);
      }
    }
    if (ordered.size() != facts.size()) {
      throw new IllegalArgumentException("unknown profile facts in " + facts.keySet());
    }
    facts = Collections.unmodifiableMap(ordered);
  }

  /**
   * Parses facts written as {@code --profile key=value} gives them: {@code data_size} as a quantity
   * of bytes ({@code 2e9}, {@code 500M}, {@code 2Gi}), choices in any case, booleans as {@code
   * true} or {@code false}.
   *
   * @throws ProfileException listing every unknown fact and bad value, with suggestions
   */
  public static Profile parse(Map<String, String> texts) {
    Map<String, Object> facts = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    texts.forEach(
        (name, text) -> {
          try {
            facts.put(name, value(name, text));
          } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
          }
        });
    if (!problems.isEmpty()) {
      throw new ProfileException(problems);
    }
    return new Profile(facts);
  }

  /**
   * Reads a profile file's tree: a mapping of facts to values, as {@code --profile-file} gives it.
   *
   * @throws ConfigException listing every problem with its line
   */
  public static Profile read(ConfigTree root, String file) {
    if (!(root instanceof ConfigTree.Mapping mapping)) {
      throw new ConfigException(
          List.of(
              ConfigProblem.at(
                  file,
                  root,
                  "a profile is a mapping of facts to values, such as 'environment: production',"
                      + " not "
                      + root.describe())));
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    List<ConfigProblem> problems = new ArrayList<>();
    for (ConfigTree.Entry e : mapping.entries()) {
      ConfigTree value = e.value();
      if (facts.containsKey(e.name())) {
        problems.add(ConfigProblem.at(file, value, "'" + e.name() + "' is given twice"));
      } else if (!(value instanceof ConfigTree.Scalar scalar) || scalar.isNull()) {
        problems.add(
            ConfigProblem.at(
                file, value, "'" + e.name() + "' needs a value, not " + value.describe()));
      } else {
        try {
          facts.put(e.name(), value(e.name(), scalar.text()));
        } catch (IllegalArgumentException bad) {
          problems.add(ConfigProblem.at(file, value, bad.getMessage()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new Profile(facts);
  }

  /** This profile with {@code over}'s facts replacing or adding to its own. */
  public Profile with(Profile over) {
    Map<String, Object> merged = new LinkedHashMap<>(facts);
    merged.putAll(over.facts);
    return new Profile(merged);
  }

  /** The fact's value, if the profile gives it. */
  public Optional<Object> fact(String name) {
    return Optional.ofNullable(facts.get(name));
  }

  /** The data size in bytes, if given. */
  public OptionalLong dataSize() {
    Object v = facts.get("data_size");
    return v == null ? OptionalLong.empty() : OptionalLong.of((Long) v);
  }

  /** Whether the profile gives fact {@code name} as {@code value}. */
  public boolean is(String name, Object value) {
    return value.equals(facts.get(name));
  }

  private static Object value(String name, String text) {
    ProfileFact fact =
        ProfileFacts.find(name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown profile fact '"
                            + name
                            + "'"
                            + Suggestions.closest(name, ProfileFacts.names())
                                .map(c -> " (did you mean '" + c + "'?)")
                                .orElse("; facts: " + String.join(", ", ProfileFacts.names()))));
    String t = text.trim();
    return switch (fact.kind()) {
      case BYTES -> Quantities.byteCount(t, name);
      case BOOLEAN -> {
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
          yield Boolean.valueOf(t.toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException(
            "profile fact '" + name + "' cannot be '" + text + "': use true or false");
      }
      case CHOICE -> {
        String lower = t.toLowerCase(Locale.ROOT);
        if (fact.values().contains(lower)) {
          yield lower;
        }
        throw new IllegalArgumentException(
            "profile fact '"
                + name
                + "' cannot be '"
                + text
                + "'"
                + Suggestions.closest(t, fact.values())
                    .map(c -> " (did you mean '" + c + "'?)")
                    .orElse("")
                + "; use one of "
                + String.join(", ", fact.values()));
      }
    };
  }
}
