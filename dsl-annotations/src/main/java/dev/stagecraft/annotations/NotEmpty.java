package dev.stagecraft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code String} or {@code Path} {@link Param} that must not be empty or blank, or a {@code List}
 * that must have an element; checked before any stage runs.
 *
 * <pre>{@code
 * @Param("targetColumn") @Default("diagnosis") @NotEmpty String targetColumn
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface NotEmpty {}
