package dev.stagecraft.runtime.engine;

import dev.stagecraft.annotations.syntax.Suggestions;
import dev.stagecraft.runtime.UserInputException;
import dev.stagecraft.runtime.graph.ParamCheck;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Turns the parameters given for a run (typed values from code, or text from {@code -p name=value})
 * into every parameter's value, checking names and types, applying defaults and running the
 * declared checks; every problem is reported at once, in one {@link ParamException}.
 *
 * <pre>{@code
 * ResolvedParams p = ParamResolver.fromText(def, Map.of("nTrials", "20"));
 * }</pre>
 */
public final class ParamResolver {
  private ParamResolver() {}

  /**
   * Resolves typed values (as the generated builder passes them); {@code null} counts as not set.
   *
   * @throws ParamException for unknown names, values of the wrong type, missing required ones and
   *     values that fail their checks
   */
  public static ResolvedParams fromValues(PipelineDefinition def, Map<String, ?> given) {
    return resolve(
        def,
        given,
        (p, v) -> {
          if (!p.type().accepts(v)) {
            throw new ParamException(
                "parameter '"
                    + p.name()
                    + "' expects "
                    + p.type().displayName()
                    + ": "
                    + describe(v)
                    + " ("
                    + v.getClass().getSimpleName()
                    + ") is not a"
                    + article(p.type().displayName())
                    + " "
                    + p.type().displayName());
          }
          return v;
        },
        ParamResolver::toText);
  }

  /**
   * Resolves text values (as {@code -p name=value} gives them), parsed as {@code @Default} is.
   *
   * @throws ParamException for unknown names, values that do not parse, missing required ones and
   *     values that fail their checks
   */
  public static ResolvedParams fromText(PipelineDefinition def, Map<String, String> given) {
    return resolve(
        def,
        given,
        (p, text) ->
            parse(p, text, "parameter '" + p.name() + "' expects " + p.type().displayName()),
        text -> text);
  }

  /**
   * Every parameter in declaration order: the given value converted, else its default; then each
   * value's checks, then the definition's check of the values together. Every unknown name, value
   * that does not convert, missing required parameter and failed check is reported at once.
   */
  private static <V> ResolvedParams resolve(
      PipelineDefinition def,
      Map<String, ? extends V> given,
      BiFunction<ParamSpec, V, Object> convert,
      Function<V, String> asText) {
    List<String> problems = new ArrayList<>();
    unknownNames(def, given.keySet(), problems);
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, String> texts = new LinkedHashMap<>();
    for (ParamSpec p : def.params()) {
      V v = given.get(p.name());
      try {
        if (v == null) {
          String text = p.defaultText().orElseThrow(() -> missing(p));
          values.put(
              p.name(),
              parse(
                  p,
                  text,
                  "default of parameter '"
                      + p.name()
                      + "' of pipeline '"
                      + def.name()
                      + "' does not parse as "
                      + p.type().displayName()));
          texts.put(p.name(), text);
        } else {
          values.put(p.name(), convert.apply(p, v));
          texts.put(p.name(), asText.apply(v));
        }
      } catch (ParamException e) {
        problems.add(e.getMessage());
        continue;
      }
      p.violation(values.get(p.name()))
          .ifPresent(why -> problems.add("parameter '" + p.name() + "' " + why));
    }
    if (!problems.isEmpty()) {
      throw new ParamException(String.join("; ", problems));
    }
    def.paramCheck().ifPresent(check -> checkTogether(check, values));
    return new ResolvedParams(values, texts);
  }

  private static ParamException missing(ParamSpec p) {
    return new ParamException(
        "missing required parameter '"
            + p.name()
            + "' ("
            + p.type().displayName()
            + "): set it with -p "
            + p.name()
            + "=VALUE or the builder's "
            + p.name()
            + "(...)");
  }

  /** Runs the definition's check; what it rejects as an IllegalArgumentException is bad input. */
  private static void checkTogether(ParamCheck check, Map<String, Object> values) {
    try {
      check.check(
          new ParamCheck.Values() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T get(String name) {
              return (T) values.get(name);
            }
          });
    } catch (UserInputException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ParamException(String.valueOf(e.getMessage()));
    }
  }

  /** Parses {@code text} as the parameter's type; a failure says {@code what} and why. */
  private static Object parse(ParamSpec p, String text, String what) {
    try {
      return p.type().parse(text);
    } catch (IllegalArgumentException e) {
      throw new ParamException(what + ": " + e.getMessage());
    }
  }

  private static void unknownNames(
      PipelineDefinition def, Iterable<String> names, List<String> problems) {
    List<String> known = new ArrayList<>();
    def.params().forEach(p -> known.add(p.name()));
    for (String name : names) {
      if (!known.contains(name)) {
        String hint =
            known.isEmpty()
                ? " (it takes no parameters)"
                : Suggestions.didYouMeanOrList(name, known, "its parameters");
        problems.add("unknown parameter '" + name + "' for pipeline '" + def.name() + "'" + hint);
      }
    }
  }

  /** The command-line text form of a value: lists comma-separated, enums by name. */
  static String toText(Object v) {
    if (v instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      list.forEach(e -> parts.add(toText(e)));
      return String.join(",", parts);
    }
    if (v instanceof Enum<?> e) {
      return e.name();
    }
    if (v instanceof Path path) {
      return path.toString();
    }
    return String.valueOf(v);
  }

  private static String describe(Object v) {
    return v instanceof CharSequence ? "\"" + v + "\"" : toText(v);
  }

  private static String article(String typeName) {
    return "aeiouAEIOU".indexOf(typeName.charAt(0)) >= 0 ? "n" : "";
  }
}
