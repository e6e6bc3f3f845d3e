package dev.stagecraft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fans a stage out: one instance per item ({@code stage[0]}, {@code stage[1]}, ...), run in
 * parallel. Set exactly one source. The method takes the item through an {@link Item} parameter;
 * consumers receive a {@code List} of the instances' outputs in item order.
 *
 * <pre>{@code
 * @Stage @ForEach(items = {"a", "b"})
 * public Model train(@Input("preprocess") Table data, @Item String variant) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface ForEach {
  /** Literal items. */
  String[] items() default {};

  /** The name of a {@code List} parameter whose elements are the items. */
  String param() default "";

  /** The name of a stage returning a {@code List} whose elements are the items. */
  String input() default "";
}
