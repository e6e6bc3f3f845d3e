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
  /** The stage's name. Default: the method name. */
  String name() default "";

  /** What kind of work the stage does. */
  StageType type() default StageType.GENERIC;

  /** How many times a failed attempt is retried. */
  int retries() default 0;

  /** ISO-8601 delay before the first retry; it doubles on each further attempt. */
  String backoff() default "PT1S";

  /** ISO-8601 limit on one attempt; empty means none. */
  String timeout() default "";

  /** Whether the output is reused when pipeline, stage, version, inputs, params and item match. */
  boolean cache() default false;

  /** Bump to invalidate cached results of this stage. */
  String version() default "1";

  /** A one-line description. */
  String description() default "";
}
