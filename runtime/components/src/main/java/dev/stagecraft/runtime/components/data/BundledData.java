package dev.stagecraft.runtime.components.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tech.tablesaw.api.Table;

/**
 * Data sets shipped on the runtime classpath. {@code breast_cancer.csv} is the Breast Cancer
 * Wisconsin (Diagnostic) data set from the UCI Machine Learning Repository (W. Wolberg, O.
 * Mangasarian, N. Street, W. Street), CC BY 4.0: 569 rows, 30 numeric features and the target
 * column {@code diagnosis} ({@code malignant}/{@code benign}).
 */
public final class BundledData {
  /** Classpath location of the breast cancer CSV. */
  public static final String BREAST_CANCER = "/dev/stagecraft/data/breast_cancer.csv";

  /** Its target column. */
  public static final String BREAST_CANCER_TARGET = "diagnosis";

  private BundledData() {}

  /** The breast cancer data set as a table. */
  public static Table breastCancer() {
    try (InputStream in = BundledData.class.getResourceAsStream(BREAST_CANCER)) {
      if (in == null) {
        throw new IllegalStateException(BREAST_CANCER + " is missing from the runtime jar");
      }
      return new CsvSource().read(in, "breast_cancer.csv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
