package dev.stagecraft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The values a number {@link Param} (or each element of a {@code List} of numbers) may take,
 * checked before any stage runs; the {@link Default} is checked at compile time.
 *
 * <pre>{@code
 * @Param("folds") @Default("3") @Range(min = 2) int folds
 * @Param("testSize") @Default("0.2") @Range(min = 0, max = 1, minExclusive = true, maxExclusive = true) double testSize
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface Range {
  /** The lowest value allowed; none by default. */
  double min() default Double.NEGATIVE_INFINITY;

  /** The highest value allowed; none by default. */
  double max() default Double.POSITIVE_INFINITY;

  /** Whether {@link #min()} itself is excluded. */
  boolean minExclusive() default false;

  /** Whether {@link #max()} itself is excluded. */
  boolean maxExclusive() default false;
}
