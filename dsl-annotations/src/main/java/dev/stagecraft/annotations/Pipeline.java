package dev.stagecraft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose {@link Stage} methods form one pipeline. The annotation processor checks the
 * pipeline while {@code javac} runs and generates {@code Stagecraft<ClassName>} beside it.
 *
 * <pre>{@code
 * @Pipeline(description = "Preprocess, train, deploy")
 * public class AdvancedMlPipeline { ... }   // name: "advanced-ml"
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Pipeline {
  /**
   * The pipeline's name. Default: the simple class name in kebab-case with a trailing {@code
   * Pipeline} dropped ({@code AdvancedMlPipeline} becomes {@code advanced-ml}).
   */
  String name() default "";

  /** A one-line description shown by {@code stagecraft list} and {@code describe}. */
  String description() default "";
}
