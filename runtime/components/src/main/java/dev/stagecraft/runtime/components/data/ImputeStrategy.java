package dev.stagecraft.runtime.components.data;

/** How {@link Imputer} fills missing values; {@code NONE} leaves them. */
public enum ImputeStrategy {
  NONE,
  MEAN,
  MEDIAN,
  MOST_FREQUENT,
  CONSTANT,
  KNN;

  /** The strategy written as on the command line ({@code most_frequent}, case-insensitive). */
  public static ImputeStrategy parse(String text) {
    return OptionValues.parseEnum(ImputeStrategy.class, "--impute", text);
  }
}
