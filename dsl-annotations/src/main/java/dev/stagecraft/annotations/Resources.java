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
  /** The default of {@link #cpu()}: one core. */
  String DEFAULT_CPU = "1";

  /** The default of {@link #memory()}. */
  String DEFAULT_MEMORY = "1Gi";

  /** The default of {@link #gpu()}. */
  int DEFAULT_GPU = 0;

  /** CPU cores: {@code "500m"}, {@code "2"}, {@code "1.5"}. */
  String cpu() default DEFAULT_CPU;

  /** Memory: {@code "512Mi"}, {@code "16Gi"}, {@code "1G"}, {@code "1e9"}. */
  String memory() default DEFAULT_MEMORY;

  /** Whole GPUs. */
  int gpu() default DEFAULT_GPU;
}
