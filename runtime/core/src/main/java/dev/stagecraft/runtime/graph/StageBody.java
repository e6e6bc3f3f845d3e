package dev.stagecraft.runtime.graph;

/**
 * The one call into user code: given a stage's inputs, parameters, item and context, produce its
 * output ({@code null} for a {@code void} stage). Generated code calls the stage method directly.
 *
 * <pre>{@code
 * StageBody body = call -> pipeline.train(call.input("preprocess"), call.context());
 * }</pre>
 */
@FunctionalInterface
public interface StageBody {
  /** Runs the stage once. */
  Object run(StageCall call) throws Exception;
}
