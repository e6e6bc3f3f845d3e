package dev.stagecraft.runtime.components.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Grid search: the cartesian product of every parameter's {@link Parameter#grid()} values, the
 * first parameter varying slowest. When the grid has more points than the budget, a seeded sample
 * of {@code budget} of them, kept in grid order. The history is not used.
 */
public final class GridSampler implements Sampler {
  private final List<Map<String, Object>> points;

  /**
   * The grid over {@code space}.
   *
   * @param budget how many points to keep at most (the study's number of trials)
   * @param seed the seed of the sample taken when the grid is larger than the budget
   */
  public GridSampler(ParameterSpace space, int budget, long seed) {
    List<Map<String, Object>> grid = new ArrayList<>();
    grid.add(new LinkedHashMap<>());
    for (Parameter p : space.parameters()) {
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> point : grid) {
        for (Object value : p.grid()) {
          Map<String, Object> extended = new LinkedHashMap<>(point);
          extended.put(p.name(), value);
          next.add(extended);
        }
      }
      grid = next;
    }
    this.points = grid.size() <= budget ? grid : sample(grid, budget, seed);
  }

  private static List<Map<String, Object>> sample(
      List<Map<String, Object>> grid, int budget, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < grid.size(); i++) {
      order.add(i);
    }
    for (int i = order.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Integer swap = order.get(i);
      order.set(i, order.get(j));
      order.set(j, swap);
    }
    List<Map<String, Object>> chosen = new ArrayList<>();
    new TreeSet<>(order.subList(0, budget)).forEach(i -> chosen.add(grid.get(i)));
    return chosen;
  }

  /** The points this grid evaluates, in order. */
  public List<Map<String, Object>> points() {
    return points;
  }

  @Override
  public Optional<Map<String, Object>> suggest(
      int number, List<FinishedTrial> history, Direction direction) {
    return number < points.size() ? Optional.of(points.get(number)) : Optional.empty();
  }
}
