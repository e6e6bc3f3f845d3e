package dev.stagecraft.runtime.components.train;

import dev.stagecraft.runtime.components.search.Parameter;
import java.util.List;

/**
 * The values a hyperparameter search tries for one hyperparameter: a list of choices, an integer
 * range or a real range (optionally log-scaled). The search samples it as the {@link Parameter} it
 * becomes ({@link #toParameter}).
 */
public sealed interface Domain permits Domain.Choice, Domain.IntRange, Domain.RealRange {

  /** This domain as the search parameter named {@code name}. */
  Parameter toParameter(String name);

  /** Explicit values: strings, integers or reals. */
  static Choice of(Object... values) {
    return new Choice(List.of(values));
  }

  /** Integers from {@code min} to {@code max} inclusive. */
  static IntRange ints(int min, int max) {
    return new IntRange(min, max);
  }

  /** Reals from {@code min} to {@code max}, uniform. */
  static RealRange reals(double min, double max) {
    return new RealRange(min, max, false);
  }

  /** Reals from {@code min} to {@code max}, log-uniform (both must be positive). */
  static RealRange logReals(double min, double max) {
    return new RealRange(min, max, true);
  }

  /** Explicit values. */
  record Choice(List<Object> values) implements Domain {
    /** Requires at least one value. */
    public Choice {
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new TrainingConfigException("a hyperparameter choice needs at least one value");
      }
    }

    @Override
    public Parameter toParameter(String name) {
      return new Parameter.Categorical(name, values);
    }
  }

  /** Integers from {@code min} to {@code max} inclusive. */
  record IntRange(int min, int max) implements Domain {
    /** Requires {@code min <= max}. */
    public IntRange {
      if (min > max) {
        throw new TrainingConfigException(
            "integer range [" + min + ", " + max + "] is empty; write the smaller bound first");
      }
    }

    @Override
    public Parameter toParameter(String name) {
      return new Parameter.IntRange(name, min, max);
    }
  }

  /** Reals from {@code min} to {@code max}; log-uniform when {@code logScale}. */
  record RealRange(double min, double max, boolean logScale) implements Domain {
    /** Requires {@code min <= max}, and positive bounds on a log scale. */
    public RealRange {
      if (!(min <= max)) {
        throw new TrainingConfigException(
            "real range [" + min + ", " + max + "] is empty; write the smaller bound first");
      }
      if (logScale && min <= 0) {
        throw new TrainingConfigException(
            "log-scaled range [" + min + ", " + max + "] must have a positive lower bound");
      }
    }

    @Override
    public Parameter toParameter(String name) {
      return new Parameter.FloatRange(name, min, max, logScale);
    }
  }
}
