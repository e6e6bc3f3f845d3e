package dev.stagecraft.runtime.components.data;

import tech.tablesaw.api.Table;

/**
 * What a transformer learned at fit time, applied by {@link #transform}. Implementations are
 * records that Jackson serializes, so a fitted state can be stored and applied at inference time.
 */
public interface FittedTransform {
  /** A new table with the transformation applied; {@code table} is not modified. */
  Table transform(Table table);
}
