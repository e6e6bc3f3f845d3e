package dev.stagecraft.examples.advancedml;

import dev.stagecraft.runtime.components.train.Domain;
import dev.stagecraft.runtime.components.train.ModelType;
import dev.stagecraft.runtime.components.train.SearchSpace;
import dev.stagecraft.runtime.components.train.TrainingConfig;
import dev.stagecraft.runtime.components.train.TrainingConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training variants of the advanced ML pipeline and their configurations: {@code a}, a logistic
 * regression (fast, strong on standardized data), and {@code b}, the more ambitious random forest
 * plus gradient boosting, the better of the two by cross-validation kept; each model type with its
 * default space, the run's trials, folds and seed, and the {@code searchSpace} parameter's
 * overrides. On the 455-row breast cancer training split with the defaults (8 trials, 3 folds) they
 * cost about 0.2 s and 6 s of CPU ({@code benchmarks/run training}).
 *
 * <p>An override is {@code MODEL.HYPERPARAMETER=VALUES}: {@code 10:50} an integer range, {@code
 * 0.1:0.4} a real range, {@code 0.001:1:log} a log-uniform real range, {@code 6|9|12} a choice (a
 * single value fixes it). It replaces the default domain of that hyperparameter for that model
 * type, e.g. {@code -p searchSpace=random_forest.n_estimators=20:80,svm.C=0.1:10:log}.
 */
public final class VariantConfigs {
  /** The variants the pipeline trains, in item order (its {@code train} stage's items). */
  public static final List<String> VARIANTS = List.of("a", "b");

  private VariantConfigs() {}

  /**
   * The default configurations of a variant, one per model type, with the run's trials, folds and
   * seed.
   *
   * @throws TrainingConfigException for a variant the pipeline does not train
   */
  public static List<TrainingConfig> defaults(String variant, int nTrials, int folds, long seed) {
    return modelTypes(variant).stream()
        .map(
            type ->
                TrainingConfig.defaults(type).withTrials(nTrials).withFolds(folds).withSeed(seed))
        .toList();
  }

  private static List<ModelType> modelTypes(String variant) {
    return switch (variant) {
      case "a" -> List.of(ModelType.LOGISTIC_REGRESSION);
      case "b" -> List.of(ModelType.RANDOM_FOREST, ModelType.GRADIENT_BOOSTING);
      default ->
          throw new TrainingConfigException(
              "unknown training variant '" + variant + "'; valid: " + VARIANTS);
    };
  }

  /**
   * Every variant's configurations, with the {@code searchSpace} overrides ({@link
   * #checkSearchSpace checked}).
   *
   * @throws TrainingConfigException naming the entry and what to change
   */
  static Map<String, List<TrainingConfig>> all(
      int nTrials, int folds, long seed, List<String> searchSpace) {
    Map<String, Map<String, Domain>> overrides = overrides(searchSpace);
    Map<String, List<TrainingConfig>> configs = new LinkedHashMap<>();
    for (String variant : VARIANTS) {
      List<TrainingConfig> list = new ArrayList<>();
      for (TrainingConfig config : defaults(variant, nTrials, folds, seed)) {
        Map<String, Domain> domains = new LinkedHashMap<>(config.space().domains());
        domains.putAll(overrides.getOrDefault(config.modelType().id(), Map.of()));
        list.add(config.withSpace(domains));
      }
      configs.put(variant, List.copyOf(list));
    }
    return configs;
  }

  /**
   * Checks the {@code searchSpace} overrides without training anything: each entry's form, model
   * type (one a variant trains), hyperparameter name and values.
   *
   * @throws TrainingConfigException naming the entry and what to change
   */
  static void checkSearchSpace(List<String> searchSpace) {
    overrides(searchSpace);
  }

  /** The overrides by model type id, checked. */
  private static Map<String, Map<String, Domain>> overrides(List<String> searchSpace) {
    Map<String, Map<String, Domain>> overrides = parse(searchSpace);
    List<String> trained = new ArrayList<>();
    for (String variant : VARIANTS) {
      modelTypes(variant).forEach(type -> trained.add(type.id()));
    }
    for (Map.Entry<String, Map<String, Domain>> e : overrides.entrySet()) {
      if (!trained.contains(e.getKey())) {
        throw new TrainingConfigException(
            "searchSpace names model type '"
                + e.getKey()
                + "', which no variant trains; use one of "
                + trained);
      }
      SearchSpace.of(e.getKey(), e.getValue());
    }
    return overrides;
  }

  /** The configurations of one variant (see {@link #all}). */
  static List<TrainingConfig> of(
      String variant, int nTrials, int folds, long seed, List<String> searchSpace) {
    List<TrainingConfig> configs = all(nTrials, folds, seed, searchSpace).get(variant);
    if (configs == null) {
      throw new TrainingConfigException(
          "unknown training variant '" + variant + "'; valid: " + VARIANTS);
    }
    return configs;
  }

  private static Map<String, Map<String, Domain>> parse(List<String> entries) {
    Map<String, Map<String, Domain>> overrides = new LinkedHashMap<>();
    for (String entry : entries) {
      int dot = entry.indexOf('.');
      int eq = entry.indexOf('=');
      if (dot < 1 || eq < dot + 2 || eq == entry.length() - 1) {
        throw new TrainingConfigException(
            "searchSpace entry '"
                + entry
                + "' is not MODEL.HYPERPARAMETER=VALUES; write e.g."
                + " random_forest.n_estimators=20:80 or random_forest.max_depth=6|9|12");
      }
      ModelType type = ModelType.fromId(entry.substring(0, dot).trim());
      String name = entry.substring(dot + 1, eq).trim();
      type.hyperparameter(name);
      overrides
          .computeIfAbsent(type.id(), t -> new LinkedHashMap<>())
          .put(name, domain(entry, entry.substring(eq + 1).trim()));
    }
    return overrides;
  }

  private static Domain domain(String entry, String values) {
    String[] range = values.split(":", -1);
    if (range.length == 2 || range.length == 3) {
      boolean log = range.length == 3;
      if (log && !range[2].trim().equals("log")) {
        throw new TrainingConfigException(
            "searchSpace entry '"
                + entry
                + "': a range is MIN:MAX or MIN:MAX:log, not '"
                + values
                + "'");
      }
      Object min = number(entry, range[0].trim());
      Object max = number(entry, range[1].trim());
      if (!(min instanceof Number) || !(max instanceof Number)) {
        throw new TrainingConfigException(
            "searchSpace entry '"
                + entry
                + "': range bounds must be numbers, got '"
                + values
                + "'");
      }
      if (!log && min instanceof Integer lo && max instanceof Integer hi) {
        return Domain.ints(lo, hi);
      }
      double lo = ((Number) min).doubleValue();
      double hi = ((Number) max).doubleValue();
      return log ? Domain.logReals(lo, hi) : Domain.reals(lo, hi);
    }
    List<Object> choices = new ArrayList<>();
    for (String value : values.split("\\|", -1)) {
      choices.add(number(entry, value.trim()));
    }
    return Domain.of(choices.toArray());
  }

  /** An Integer, a Double, or the text itself. */
  private static Object number(String entry, String text) {
    if (text.isEmpty()) {
      throw new TrainingConfigException("searchSpace entry '" + entry + "' has an empty value");
    }
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException notInt) {
      try {
        return Double.valueOf(text);
      } catch (NumberFormatException notReal) {
        return text;
      }
    }
  }
}
