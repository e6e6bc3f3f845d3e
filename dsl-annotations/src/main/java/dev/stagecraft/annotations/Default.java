package dev.stagecraft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The default of a {@link Param}, written as on the command line and parsed at compile time: enums
 * by constant name, {@code Duration} in ISO-8601, lists comma-separated.
 *
 * <pre>{@code
 * public Model train(@Param("nTrials") @Default("20") int trials) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface Default {
  /** The default value as text. */
  String value();
}
