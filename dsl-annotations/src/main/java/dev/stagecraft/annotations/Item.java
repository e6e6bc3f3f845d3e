package dev.stagecraft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Receives the current item of a {@link ForEach} stage; its type is checked against the items.
 *
 * <pre>{@code
 * @Stage @ForEach(param = "regions")
 * public Report report(@Item String region) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Item {}
