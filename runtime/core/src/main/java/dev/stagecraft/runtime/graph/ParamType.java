package dev.stagecraft.runtime.graph;

import dev.stagecraft.annotations.syntax.ValueSyntax;
import dev.stagecraft.annotations.syntax.ValueSyntax.Kind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The type of a pipeline parameter: how it is named in messages and how its text form (from
 * {@code @Default} or {@code -p name=value}) becomes a value.
 *
 * <pre>{@code
 * ParamType<List<Integer>> sizes = ParamType.listOf(ParamType.INT);
 * sizes.parse("1, 2, 3");   // [1, 2, 3]
 * }</pre>
 *
 * @param <T> the Java type of the values
 */
public final class ParamType<T> {
  public static final ParamType<String> STRING = scalar(Kind.STRING, String.class);
  public static final ParamType<Boolean> BOOLEAN = scalar(Kind.BOOLEAN, Boolean.class);
  public static final ParamType<Byte> BYTE = scalar(Kind.BYTE, Byte.class);
  public static final ParamType<Short> SHORT = scalar(Kind.SHORT, Short.class);
  public static final ParamType<Integer> INT = scalar(Kind.INT, Integer.class);
  public static final ParamType<Long> LONG = scalar(Kind.LONG, Long.class);
  public static final ParamType<Float> FLOAT = scalar(Kind.FLOAT, Float.class);
  public static final ParamType<Double> DOUBLE = scalar(Kind.DOUBLE, Double.class);
  public static final ParamType<Character> CHAR = scalar(Kind.CHAR, Character.class);
  public static final ParamType<Path> PATH = scalar(Kind.PATH, Path.class);
  public static final ParamType<Duration> DURATION = scalar(Kind.DURATION, Duration.class);

  private final String displayName;
  private final Function<String, T> parser;
  private final Class<?> valueClass;

  /** The scalar kind; null for enums and lists. */
  private final Kind kind;

  private final List<String> constants;
  private final boolean list;

  private ParamType(
      String displayName,
      Class<?> valueClass,
      Function<String, T> parser,
      Kind kind,
      List<String> constants,
      boolean list) {
    this.displayName = displayName;
    this.valueClass = valueClass;
    this.parser = parser;
    this.kind = kind;
    this.constants = List.copyOf(constants);
    this.list = list;
  }

  private static <T> ParamType<T> scalar(Kind kind, Class<T> type) {
    return new ParamType<>(
        kind.displayName(),
        type,
        text -> type.cast(ValueSyntax.parse(kind, text)),
        kind,
        List.of(),
        false);
  }

  /** A boxed variant for display: {@code Integer} rather than {@code int}. */
  public ParamType<T> named(String name) {
    return new ParamType<>(name, valueClass, parser, kind, constants, list);
  }

  /** An enum type, parsed by constant name. */
  public static <E extends Enum<E>> ParamType<E> enumOf(String simpleName, E[] constants) {
    List<E> values = List.of(constants);
    return new ParamType<>(
        simpleName,
        constants.getClass().getComponentType(),
        text -> {
          String t = text.trim();
          for (E e : values) {
            if (e.name().equals(t)) {
              return e;
            }
          }
          for (E e : values) {
            if (e.name().equalsIgnoreCase(t)) {
              return e;
            }
          }
          throw new IllegalArgumentException(
              "\""
                  + text
                  + "\" is not a "
                  + simpleName
                  + " (use one of "
                  + values.stream().map(Enum::name).collect(Collectors.joining(", "))
                  + ")");
        },
        null,
        values.stream().map(Enum::name).toList(),
        false);
  }

  /** A list type, written comma-separated. */
  public static <E> ParamType<List<E>> listOf(ParamType<E> element) {
    return new ParamType<>(
        "List<" + element.displayName + ">",
        List.class,
        text -> {
          List<E> out = new ArrayList<>();
          for (String part : ValueSyntax.splitList(text)) {
            out.add(element.parse(part));
          }
          return List.copyOf(out);
        },
        null,
        List.of(),
        true);
  }

  /** The type as written in Java, e.g. {@code int} or {@code List<String>}. */
  public String displayName() {
    return displayName;
  }

  /** The scalar kind ({@code int}, {@code String}, ...); empty for enums and lists. */
  public Optional<Kind> kind() {
    return Optional.ofNullable(kind);
  }

  /** The constants of an enum type, in declaration order; empty for other types. */
  public List<String> constants() {
    return constants;
  }

  /** Whether this is a {@code List} type. */
  public boolean isList() {
    return list;
  }

  /**
   * Converts the text form into a value.
   *
   * @throws IllegalArgumentException saying what was expected
   */
  public T parse(String text) {
    Objects.requireNonNull(text, "text");
    return parser.apply(text);
  }

  /** Whether a value set from code has a fitting runtime class (boxes for primitives). */
  public boolean accepts(Object value) {
    return value != null && valueClass.isInstance(value);
  }

  @Override
  public String toString() {
    return displayName;
  }
}
