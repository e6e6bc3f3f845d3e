package dev.stagecraft.runtime.components.abtest;

/**
 * The outcome of an A/B decision between models {@code A} and {@code B}.
 *
 * @param selected {@code "A"} or {@code "B"}: the model with the better test accuracy, {@code A} on
 *     a tie
 * @param selectedIndex 0 for A, 1 for B
 * @param confidence {@code 1 - pValue} when the difference is significant and meaningful, else 0.5
 * @param pValue the test's two-sided p-value
 * @param improvement the selected model's accuracy minus the other's (never negative)
 * @param significant whether {@code pValue < significance}
 * @param meaningful whether {@code improvement >= minImprovement}
 * @param test the test used: {@code mcnemar_exact}, {@code mcnemar_chi2} or {@code
 *     two_proportion_z}
 * @param accuracyA model A's test accuracy
 * @param accuracyB model B's test accuracy
 * @param onlyARight examples A predicts right and B wrong (McNemar's b)
 * @param onlyBRight examples B predicts right and A wrong (McNemar's c)
 * @param examples the number of test examples compared
 */
public record AbTestResult(
    String selected,
    int selectedIndex,
    double confidence,
    double pValue,
    double improvement,
    boolean significant,
    boolean meaningful,
    String test,
    double accuracyA,
    double accuracyB,
    int onlyARight,
    int onlyBRight,
    int examples) {}
