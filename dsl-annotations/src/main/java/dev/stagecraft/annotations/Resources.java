package dev.stagecraft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a stage reserves on the executor while it runs, as Kubernetes quantities. On a pipeline
 * class it sets the defaults of every stage.
 *
 * <pre>{@code
 * @Stage @Resources(cpu = "500m", memory = "512Mi")
 * public Table clean(@Input("load") Table raw) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Resources {
  /** CPU cores: {@code "500m"}, {@code "2"}, {@code "1.5"}. */
  String cpu() default "1";

  /** Memory: {@code "512Mi"}, {@code "16Gi"}, {@code "1G"}, {@code "1e9"}. */
  String memory() default "1Gi";

  /** Whole GPUs. */
  int gpu() default 0;
}
