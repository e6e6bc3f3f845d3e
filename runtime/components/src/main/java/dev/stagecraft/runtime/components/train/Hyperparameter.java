package dev.stagecraft.runtime.components.train;

import java.util.ArrayList;
import java.util.List;

/**
 * One hyperparameter a model type accepts: its name, kind, the values that are valid, its default
 * and what it does. A search {@link Domain} for it is checked against these bounds before training.
 *
 * @param name the name used in search spaces and in the optimization history, e.g. {@code
 *     max_depth}
 * @param kind integer, real or categorical
 * @param min the smallest valid value (numeric kinds)
 * @param max the largest valid value (numeric kinds)
 * @param choices the valid values (categorical kind)
 * @param defaultValue the value used when a search space does not mention this hyperparameter
 * @param description one line for users
 */
public record Hyperparameter(
    String name,
    Kind kind,
    double min,
    double max,
    List<String> choices,
    Object defaultValue,
    String description) {

  /** The kinds of hyperparameter values. */
  public enum Kind {
    INTEGER,
    REAL,
    CATEGORICAL
  }

  /** Copies the choices. */
  public Hyperparameter {
    choices = List.copyOf(choices);
  }

  /** An integer hyperparameter valid in {@code [min, max]}. */
  public static Hyperparameter integer(
      String name, int min, int max, int defaultValue, String description) {
    return new Hyperparameter(name, Kind.INTEGER, min, max, List.of(), defaultValue, description);
  }

  /** A real hyperparameter valid in {@code [min, max]}. */
  public static Hyperparameter real(
      String name, double min, double max, double defaultValue, String description) {
    return new Hyperparameter(name, Kind.REAL, min, max, List.of(), defaultValue, description);
  }

  /** A categorical hyperparameter with the given valid values. */
  public static Hyperparameter categorical(
      String name, List<String> choices, String defaultValue, String description) {
    return new Hyperparameter(
        name, Kind.CATEGORICAL, Double.NaN, Double.NaN, choices, defaultValue, description);
  }

  /** What is valid, for messages: {@code an integer in [1, 100]}, {@code one of [linear, rbf]}. */
  public String validValues() {
    return switch (kind) {
      case INTEGER -> "an integer in [" + (long) min + ", " + (long) max + "]";
      case REAL -> "a number in [" + min + ", " + max + "]";
      case CATEGORICAL -> "one of " + choices;
    };
  }

  /**
   * Checks a search domain against this hyperparameter and returns it with its values in canonical
   * types ({@link Integer}, {@link Double}, {@link String}).
   *
   * @throws TrainingConfigException naming the model type, this hyperparameter and what is valid
   */
  public Domain check(String modelType, Domain domain) {
    if (domain instanceof Domain.Choice choice) {
      List<Object> values = new ArrayList<>();
      for (Object value : choice.values()) {
        values.add(checkValue(modelType, value));
      }
      return new Domain.Choice(values);
    }
    if (domain instanceof Domain.IntRange range) {
      if (kind == Kind.CATEGORICAL) {
        throw invalid(modelType, "the range [" + range.min() + ", " + range.max() + "]");
      }
      checkValue(modelType, range.min());
      checkValue(modelType, range.max());
      return kind == Kind.INTEGER ? range : Domain.reals(range.min(), range.max());
    }
    Domain.RealRange range = (Domain.RealRange) domain;
    if (kind != Kind.REAL) {
      throw invalid(modelType, "the range [" + range.min() + ", " + range.max() + "]");
    }
    checkValue(modelType, range.min());
    checkValue(modelType, range.max());
    return range;
  }

  /** Checks one value and returns it in its canonical type. */
  public Object checkValue(String modelType, Object value) {
    switch (kind) {
      case CATEGORICAL -> {
        if (value instanceof String s && choices.contains(s)) {
          return s;
        }
      }
      case INTEGER -> {
        if (value instanceof Number n
            && n.doubleValue() == Math.rint(n.doubleValue())
            && n.doubleValue() >= min
            && n.doubleValue() <= max) {
          return n.intValue();
        }
      }
      case REAL -> {
        if (value instanceof Number n && n.doubleValue() >= min && n.doubleValue() <= max) {
          return n.doubleValue();
        }
      }
    }
    throw invalid(modelType, value instanceof String ? "'" + value + "'" : String.valueOf(value));
  }

  private TrainingConfigException invalid(String modelType, String what) {
    return new TrainingConfigException(
        "hyperparameter '"
            + name
            + "' of "
            + modelType
            + " must be "
            + validValues()
            + ", got "
            + what
            + "; fix the search space");
  }
}
