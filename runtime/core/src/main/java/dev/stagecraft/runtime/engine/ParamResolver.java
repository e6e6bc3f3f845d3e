package dev.stagecraft.runtime.engine;

import dev.stagecraft.annotations.syntax.Suggestions;
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
 * into every parameter's value, checking names and types and applying defaults.
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
   * @throws ParamException for an unknown name, a value of the wrong type, a missing required one
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
   * @throws ParamException for an unknown name, a value that does not parse, a missing required one
   */
  public static ResolvedParams fromText(PipelineDefinition def, Map<String, String> given) {
    return resolve(
        def,
        given,
        (p, text) ->
            parse(p, text, "parameter '" + p.name() + "' expects " + p.type().displayName()),
        text -> text);
  }

  /** Every parameter in declaration order: the given value converted, else its default. */
  private static <V> ResolvedParams resolve(
      PipelineDefinition def,
      Map<String, ? extends V> given,
      BiFunction<ParamSpec, V, Object> convert,
      Function<V, String> asText) {
    checkNames(def, given.keySet());
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, String> texts = new LinkedHashMap<>();
    for (ParamSpec p : def.params()) {
      V v = given.get(p.name());
      if (v == null) {
        String text =
            p.defaultText()
                .orElseThrow(
                    () ->
                        new ParamException(
                            "missing required parameter '"
                                + p.name()
                                + "' ("
                                + p.type().displayName()
                                + "): set it with -p "
                                + p.name()
                                + "=VALUE or the builder's "
                                + p.name()
                                + "(...)"));
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
    }
    return new ResolvedParams(values, texts);
  }

  /** Parses {@code text} as the parameter's type; a failure says {@code what} and why. */
  private static Object parse(ParamSpec p, String text, String what) {
    try {
      return p.type().parse(text);
    } catch (IllegalArgumentException e) {
      throw new ParamException(what + ": " + e.getMessage());
    }
  }

  private static void checkNames(PipelineDefinition def, Iterable<String> names) {
    List<String> known = new ArrayList<>();
    def.params().forEach(p -> known.add(p.name()));
    for (String name : names) {
      if (!known.contains(name)) {
        String hint =
            Suggestions.closest(name, known)
                .map(c -> " (did you mean '" + c + "'?)")
                .orElse(
                    known.isEmpty()
                        ? " (it takes no parameters)"
                        : " (its parameters: " + String.join(", ", known) + ")");
        throw new ParamException(
            "unknown parameter '" + name + "' for pipeline '" + def.name() + "'" + hint);
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
