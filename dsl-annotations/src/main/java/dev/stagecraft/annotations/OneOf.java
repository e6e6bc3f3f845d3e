package dev.stagecraft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The values a {@code String} {@link Param} (or each element of a {@code List<String>}) may take,
 * checked before any stage runs (an enum's values are its constants already).
 *
 * <pre>{@code
 * @Param("searchMethod") @Default("random") @OneOf({"random", "grid", "tpe"}) String searchMethod
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface OneOf {
  /** The allowed values, as written on the command line. */
  String[] value();
}
