package dev.stagecraft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link Pipeline} class as one stage. Its parameters are each an {@link
 * Input}, a {@link Param}, an {@link Item} or a {@code StageContext}; its return value is the
 * stage's output.
 *
 * <pre>{@code
 * @Stage(type = StageType.TRAINING, retries = 2, backoff = "PT2S", timeout = "PT10M", cache = true)
 * public Model train(@Input("preprocess") Table data) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Stage {
  /**
   * The default of {@link #type()}. (Java allows only an enum constant as an element's default, so
   * {@code type()} names {@code GENERIC} itself.)
   */
  StageType DEFAULT_TYPE = StageType.GENERIC;

  /** The default of {@link #retries()}. */
  int DEFAULT_RETRIES = 0;

  /** The default of {@link #backoff()}. */
  String DEFAULT_BACKOFF = "PT1S";

  /** The default of {@link #cache()}. */
  boolean DEFAULT_CACHE = false;

  /** The default of {@link #version()}. */
  String DEFAULT_VERSION = "1";

  /** The stage's name. Default: the method name. */
  String name() default "";

  /** What kind of work the stage does. */
  StageType type() default StageType.GENERIC;

  /** How many times a failed attempt is retried. */
  int retries() default DEFAULT_RETRIES;

  /** ISO-8601 delay before the first retry; it doubles on each further attempt. */
  String backoff() default DEFAULT_BACKOFF;

  /** ISO-8601 limit on one attempt; empty means none. */
  String timeout() default "";

  /** Whether the output is reused when pipeline, stage, version, inputs, params and item match. */
  boolean cache() default DEFAULT_CACHE;

  /** Bump to invalidate cached results of this stage. */
  String version() default DEFAULT_VERSION;

  /** A one-line description. */
  String description() default "";
}
