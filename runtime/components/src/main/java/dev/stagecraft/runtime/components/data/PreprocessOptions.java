package dev.stagecraft.runtime.components.data;

/**
 * What {@link Preprocessor} does, step by step: impute, scale, add interactions (when {@code
 * interactionThreshold} is not null), cap outliers. {@code target} (may be null) is never
 * transformed. The defaults do nothing.
 */
public record PreprocessOptions(
    String target,
    ImputeStrategy impute,
    double fillValue,
    int knnK,
    ScaleMethod scale,
    OutlierMethod capOutliers,
    double iqrFactor,
    Double interactionThreshold) {

  /** Checks the values. */
  public PreprocessOptions {
    if (knnK < 1) {
      throw new DataException("--knn-k must be at least 1, got " + knnK);
    }
    if (!(iqrFactor >= 0) || Double.isInfinite(iqrFactor)) {
      throw new DataException("--iqr-factor must be a number >= 0, got " + iqrFactor);
    }
  }

  /** No target, and every step off (fill value 0, k 5, IQR factor 1.5 when turned on). */
  public static PreprocessOptions defaults() {
    return new PreprocessOptions(
        null,
        ImputeStrategy.NONE,
        0.0,
        5,
        ScaleMethod.NONE,
        OutlierMethod.NONE,
        OutlierCapper.DEFAULT_FACTOR,
        null);
  }

  /** With a target column. */
  public PreprocessOptions withTarget(String column) {
    return new PreprocessOptions(
        column, impute, fillValue, knnK, scale, capOutliers, iqrFactor, interactionThreshold);
  }

  /** With an imputation strategy. */
  public PreprocessOptions withImpute(ImputeStrategy strategy) {
    return new PreprocessOptions(
        target, strategy, fillValue, knnK, scale, capOutliers, iqrFactor, interactionThreshold);
  }

  /** With a fill value for {@code constant} imputation. */
  public PreprocessOptions withFillValue(double value) {
    return new PreprocessOptions(
        target, impute, value, knnK, scale, capOutliers, iqrFactor, interactionThreshold);
  }

  /** With k for {@code knn} imputation. */
  public PreprocessOptions withKnnK(int k) {
    return new PreprocessOptions(
        target, impute, fillValue, k, scale, capOutliers, iqrFactor, interactionThreshold);
  }

  /** With a scaling method. */
  public PreprocessOptions withScale(ScaleMethod method) {
    return new PreprocessOptions(
        target, impute, fillValue, knnK, method, capOutliers, iqrFactor, interactionThreshold);
  }

  /** With outlier capping on or off. */
  public PreprocessOptions withCapOutliers(OutlierMethod method) {
    return new PreprocessOptions(
        target, impute, fillValue, knnK, scale, method, iqrFactor, interactionThreshold);
  }

  /** With an IQR factor. */
  public PreprocessOptions withIqrFactor(double factor) {
    return new PreprocessOptions(
        target, impute, fillValue, knnK, scale, capOutliers, factor, interactionThreshold);
  }

  /** With interaction features for pairs whose |r| exceeds {@code threshold} (null: none). */
  public PreprocessOptions withInteractions(Double threshold) {
    return new PreprocessOptions(
        target, impute, fillValue, knnK, scale, capOutliers, iqrFactor, threshold);
  }
}
