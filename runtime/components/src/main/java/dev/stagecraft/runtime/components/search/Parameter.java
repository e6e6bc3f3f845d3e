package dev.stagecraft.runtime.components.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One dimension of a search space: integers in a range, reals in a range (uniform or on a log
 * scale), or a list of choices. Each kind knows how to draw a uniform value and which values a grid
 * takes; the TPE sampler models each kind with its own density.
 */
public sealed interface Parameter
    permits Parameter.IntRange, Parameter.FloatRange, Parameter.Categorical {

  /** How many values a grid takes from a range: both ends and the middle. */
  int GRID_POINTS_PER_RANGE = 3;

  /** The parameter's name, unique in its space. */
  String name();

  /** A value drawn uniformly (log-uniformly on a log scale) from {@code random}. */
  Object sample(SplittableRandom random);

  /** The values a grid search tries, in ascending (or listed) order, without repeats. */
  List<Object> grid();

  /** Whether the parameter has a single value, so no sampler needs to choose it. */
  boolean fixed();

  /**
   * Integers from {@code low} to {@code high} inclusive.
   *
   * @param name the parameter's name
   * @param low the smallest value
   * @param high the largest value
   */
  record IntRange(String name, int low, int high) implements Parameter {
    /** Requires a name and {@code low <= high}. */
    public IntRange {
      requireName(name);
      if (low > high) {
        throw new SearchSpaceException(
            "parameter '"
                + name
                + "': integer range ["
                + low
                + ", "
                + high
                + "] is empty; write the smaller bound first");
      }
    }

    @Override
    public Object sample(SplittableRandom random) {
      return low + random.nextInt(high - low + 1);
    }

    @Override
    public List<Object> grid() {
      LinkedHashSet<Object> points = new LinkedHashSet<>();
      for (int i = 0; i < GRID_POINTS_PER_RANGE; i++) {
        points.add((int) Math.round(low + (double) (high - low) * i / (GRID_POINTS_PER_RANGE - 1)));
      }
      return new ArrayList<>(points);
    }

    @Override
    public boolean fixed() {
      return low == high;
    }
  }

  /**
   * Reals from {@code low} to {@code high}, uniform or log-uniform.
   *
   * @param name the parameter's name
   * @param low the smallest value
   * @param high the largest value
   * @param log whether the values are spread on a log scale (both bounds positive)
   */
  record FloatRange(String name, double low, double high, boolean log) implements Parameter {
    /**
     * Requires a name, finite bounds with {@code low <= high}, and positive bounds on a log scale.
     */
    public FloatRange {
      requireName(name);
      if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
        throw new SearchSpaceException(
            "parameter '"
                + name
                + "': real range ["
                + low
                + ", "
                + high
                + "] is empty or not finite; write two finite bounds, the smaller first");
      }
      if (log && low <= 0) {
        throw new SearchSpaceException(
            "parameter '"
                + name
                + "': log-scaled range ["
                + low
                + ", "
                + high
                + "] must have a positive lower bound; raise it above 0 or drop the log scale");
      }
    }

    @Override
    public Object sample(SplittableRandom random) {
      if (low == high) {
        return low;
      }
      if (log) {
        return Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low)));
      }
      return low + random.nextDouble() * (high - low);
    }

    @Override
    public List<Object> grid() {
      LinkedHashSet<Object> points = new LinkedHashSet<>();
      points.add(low);
      for (int i = 1; i < GRID_POINTS_PER_RANGE - 1; i++) {
        double t = (double) i / (GRID_POINTS_PER_RANGE - 1);
        points.add(
            log
                ? Math.exp(Math.log(low) + t * (Math.log(high) - Math.log(low)))
                : low + t * (high - low));
      }
      points.add(high);
      return new ArrayList<>(points);
    }

    @Override
    public boolean fixed() {
      return low == high;
    }
  }

  /**
   * A choice among listed values (strings or numbers), unordered.
   *
   * @param name the parameter's name
   * @param choices the values, at least one
   */
  record Categorical(String name, List<Object> choices) implements Parameter {
    /** Requires a name and at least one choice; copies the choices. */
    public Categorical {
      requireName(name);
      choices = List.copyOf(choices);
      if (choices.isEmpty()) {
        throw new SearchSpaceException(
            "parameter '" + name + "' has no choices; list at least one value");
      }
    }

    @Override
    public Object sample(SplittableRandom random) {
      return choices.get(random.nextInt(choices.size()));
    }

    @Override
    public List<Object> grid() {
      return choices;
    }

    @Override
    public boolean fixed() {
      return choices.size() == 1;
    }
  }

  private static void requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new SearchSpaceException("a search parameter needs a name; give each one a name");
    }
  }
}
