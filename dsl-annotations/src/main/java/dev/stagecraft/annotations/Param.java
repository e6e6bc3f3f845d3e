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
 * <p>Declare each parameter once, as a component of the pipeline's {@link Parameters} record, and
 * let stages refer to it by name:
 *
 * <pre>{@code
 * @Parameters
 * record Params(@Param(description = "Cross-validation folds") @Default("3") @Range(min = 2) int folds) {}
 *
 * @Stage public Model train(@Param("folds") int folds) { ... }
 * }</pre>
 *
 * A small pipeline may declare a parameter on the stage that reads it instead: {@code @Param(value
 * = "folds", description = "...") @Default("3") int folds}; every declaration of one name must then
 * agree on type, default, description and checks.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface Param {
  /**
   * The parameter's name: letters, digits, {@code _} and {@code -}, starting with a letter.
   * Default: the name of the record component or method parameter it is on.
   */
  String value() default "";

  /** A one-line description. */
  String description() default "";
}
