package dev.stagecraft.runtime.components.data;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Fills missing values of the numeric feature columns as scikit-learn 1.2's {@code SimpleImputer}
 * ({@code mean}, {@code median}, {@code most_frequent} with ties going to the smallest value,
 * {@code constant}) and {@code KNNImputer} (k neighbours by {@code nan_euclidean} distance, uniform
 * weights; equal distances go to the earlier training row) do. Unlike scikit-learn, a column with
 * no value at all is an error rather than silently dropped (except for {@code constant}).
 *
 * <pre>{@code
 * ImputerState state = new Imputer(ImputeStrategy.MEDIAN, "diagnosis").fit(train);
 * Table filled = state.transform(test);
 * }</pre>
 */
public final class Imputer {
  private final ImputeStrategy strategy;
  private final double fillValue;
  private final int k;
  private final String target;

  /**
   * An imputer. {@code fillValue} is used by {@code constant}, {@code k} by {@code knn}; {@code
   * target} (may be null) is never imputed.
   */
  public Imputer(ImputeStrategy strategy, double fillValue, int k, String target) {
    if (strategy == ImputeStrategy.NONE) {
      throw new DataException("imputation strategy 'none' has nothing to fit; skip the imputer");
    }
    if (k < 1) {
      throw new DataException("knn imputation needs k >= 1 neighbours, got " + k);
    }
    this.strategy = strategy;
    this.fillValue = fillValue;
    this.k = k;
    this.target = target;
  }

  /** An imputer with scikit-learn's defaults: fill value 0, k = 5. */
  public Imputer(ImputeStrategy strategy, String target) {
    this(strategy, 0.0, 5, target);
  }

  /** Learns the fill values (or, for knn, keeps the training rows) from {@code table}. */
  public ImputerState fit(Table table) {
    FeatureColumns.requireTarget(table, target);
    List<String> names = FeatureColumns.numeric(table, target);
    List<ImputerState.Fill> fills = new ArrayList<>(names.size());
    List<double[]> training = strategy == ImputeStrategy.KNN ? new ArrayList<>() : null;
    for (String name : names) {
      double[] values = FeatureColumns.view(table, name);
      double fill =
          switch (strategy) {
            case MEAN, KNN -> Stats.mean(values);
            case MEDIAN -> Stats.median(values);
            case MOST_FREQUENT -> Stats.mostFrequent(values);
            case CONSTANT -> fillValue;
            case NONE -> throw new IllegalStateException();
          };
      if (fill != fill) {
        throw new DataException(
            "column '"
                + name
                + "' has no values at all: "
                + describe()
                + " cannot fill an entirely missing column; drop the column or use --impute constant");
      }
      fills.add(new ImputerState.Fill(name, fill));
      if (training != null) {
        training.add(values.clone());
      }
    }
    return new ImputerState(strategy, k, fills, training);
  }

  private String describe() {
    return switch (strategy) {
      case MEAN -> "mean imputation";
      case MEDIAN -> "median imputation";
      case MOST_FREQUENT -> "most_frequent imputation";
      case KNN -> "knn imputation";
      default -> strategy + " imputation";
    };
  }
}
