package dev.stagecraft.annotations.syntax;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A check of a parameter's value, as {@code @Range}, {@code @NotEmpty} and {@code @OneOf} declare
 * it: the processor checks defaults with it at compile time, the runtime checks every value of a
 * run with it before any stage starts. A {@code List} value is checked element by element, except
 * by {@link NotEmpty}, which checks the list.
 *
 * <pre>{@code
 * new ValueCheck.Range(2, Double.POSITIVE_INFINITY, false, false).violation(1);
 * // Optional["must be at least 2, not 1"]
 * }</pre>
 */
public sealed interface ValueCheck {
  /**
   * Why {@code value} fails the check, to follow the value's name ({@code "must be at least 2, not
   * 1"}); empty when it passes.
   */
  Optional<String> violation(Object value);

  /** What the check allows, as help texts say it: {@code at least 2}, {@code in (0, 1)}. */
  String describe();

  /** Numbers between two bounds, each included unless exclusive; an infinite bound is none. */
  record Range(double min, double max, boolean minExclusive, boolean maxExclusive)
      implements ValueCheck {
    @Override
    public Optional<String> violation(Object value) {
      return eachElement(value, this::violationOfOne);
    }

    private Optional<String> violationOfOne(Object value) {
      double v = ((Number) value).doubleValue();
      boolean ok =
          !Double.isNaN(v)
              && (minExclusive ? v > min : v >= min)
              && (maxExclusive ? v < max : v <= max);
      return ok ? Optional.empty() : Optional.of("must be " + describe() + ", not " + value);
    }

    @Override
    public String describe() {
      boolean low = min != Double.NEGATIVE_INFINITY;
      boolean high = max != Double.POSITIVE_INFINITY;
      if (low && high) {
        return "in "
            + (minExclusive ? "(" : "[")
            + number(min)
            + ", "
            + number(max)
            + (maxExclusive ? ")" : "]");
      }
      if (low) {
        return (minExclusive ? "above " : "at least ") + number(min);
      }
      if (high) {
        return (maxExclusive ? "below " : "at most ") + number(max);
      }
      return "any number";
    }

    /** Why no value can pass, for a compile error; empty when some can. */
    public Optional<String> whyNoValue() {
      if (Double.isNaN(min) || Double.isNaN(max)) {
        return Optional.of("a bound is NaN");
      }
      if (min > max || (min == max && (minExclusive || maxExclusive))) {
        return Optional.of("no number is " + describe());
      }
      return Optional.empty();
    }

    private static String number(double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
  }

  /** A text or path that is not blank, or a list with an element. */
  record NotEmpty() implements ValueCheck {
    @Override
    public Optional<String> violation(Object value) {
      boolean empty =
          value instanceof Collection<?> list
              ? list.isEmpty()
              : (value instanceof Path path ? path.toString() : String.valueOf(value)).isBlank();
      return empty ? Optional.of("must not be empty") : Optional.empty();
    }

    @Override
    public String describe() {
      return "not empty";
    }
  }

  /** A text among the values listed (by each element of a list). */
  record OneOf(List<String> values) implements ValueCheck {
    public OneOf {
      values = List.copyOf(values);
    }

    @Override
    public Optional<String> violation(Object value) {
      return eachElement(value, this::violationOfOne);
    }

    private Optional<String> violationOfOne(Object value) {
      String text = String.valueOf(value);
      if (values.contains(text)) {
        return Optional.empty();
      }
      return Optional.of(
          "must be " + describe() + ", not '" + text + "'" + Suggestions.didYouMean(text, values));
    }

    @Override
    public String describe() {
      return "one of " + String.join(", ", values);
    }
  }

  /** The first violation of {@code check} by the value, or by an element of a list value. */
  private static Optional<String> eachElement(
      Object value, Function<Object, Optional<String>> check) {
    if (value instanceof Collection<?> list) {
      for (Object element : list) {
        Optional<String> v = check.apply(element);
        if (v.isPresent()) {
          return v.map(m -> m + " (an element of the list)");
        }
      }
      return Optional.empty();
    }
    return check.apply(value);
  }
}
