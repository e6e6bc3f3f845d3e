package dev.stagecraft.runtime.components.search;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random search: each trial draws every parameter uniformly (log-uniformly on a log scale) from one
 * stream seeded at construction, and skips points it already gave. After {@value #MAX_REDRAWS}
 * draws in a row that give nothing new the space counts as exhausted. The history is not used.
 */
public final class RandomSampler implements Sampler {
  /** Draws in a row that may repeat earlier points before the space counts as exhausted. */
  public static final int MAX_REDRAWS = 50;

  private final ParameterSpace space;
  private final SplittableRandom random;
  private final Set<Map<String, Object>> given = new HashSet<>();

  /** A sampler over {@code space} whose stream starts from {@code seed}. */
  public RandomSampler(ParameterSpace space, long seed) {
    this.space = space;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public Optional<Map<String, Object>> suggest(
      int number, List<FinishedTrial> history, Direction direction) {
    for (int draw = 0; draw < MAX_REDRAWS; draw++) {
      Map<String, Object> point = new LinkedHashMap<>();
      for (Parameter p : space.parameters()) {
        point.put(p.name(), p.sample(random));
      }
      if (given.add(point)) {
        return Optional.of(point);
      }
    }
    return Optional.empty();
  }
}
