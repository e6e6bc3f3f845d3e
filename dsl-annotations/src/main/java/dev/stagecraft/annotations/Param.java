package dev.stagecraft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A pipeline parameter, set through the generated builder or {@code -p name=value}. Types: {@code
 * String}, primitives and their boxes, enums, {@code Path}, {@code Duration}, and {@code List} of
 * those. Without {@link Default} the parameter is required.
 *
 * <pre>{@code
 * public Table load(@Param(value = "inputDataPath", description = "CSV to read") Path input) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Param {
  /** The parameter's name; the same name on several stages is one parameter. */
  String value();

  /** A one-line description. */
  String description() default "";
}
