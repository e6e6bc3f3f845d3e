package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.graph.FanOut;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The items a fan-out stage runs one instance for. */
final class FanOutItems {
  private FanOutItems() {}

  /**
   * The literal items, the {@code List} parameter's elements, or the {@code List} output's
   * elements.
   *
   * @param outputs the output of an upstream stage, by name
   * @throws FanOutException when the parameter or output is not a {@code List}
   */
  static List<?> of(FanOut fanOut, Map<String, Object> params, Function<String, Object> outputs) {
    if (fanOut instanceof FanOut.Items literal) {
      return literal.items();
    }
    if (fanOut instanceof FanOut.FromParam p) {
      Object v = params.get(p.param());
      if (!(v instanceof List<?> list)) {
        throw new FanOutException(
            "fan-out parameter '" + p.param() + "' is " + describe(v) + ", not a List");
      }
      return list;
    }
    FanOut.FromInput in = (FanOut.FromInput) fanOut;
    Object v = outputs.apply(in.stage());
    if (!(v instanceof List<?> list)) {
      throw new FanOutException(
          "fan-out input '" + in.stage() + "' returned " + describe(v) + ", not a List");
    }
    return list;
  }

  private static String describe(Object v) {
    return v == null ? "null" : "a " + v.getClass().getSimpleName();
  }
}
