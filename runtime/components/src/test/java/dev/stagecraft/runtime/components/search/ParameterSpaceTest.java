package dev.stagecraft.runtime.components.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ParameterSpaceTest {
  private static String message(Executable bad) {
    return assertThrows(SearchSpaceException.class, bad).getMessage();
  }

  @Test
  void badParametersSayWhatToFix() {
    assertEquals(
        "parameter 'layers': integer range [5, 1] is empty; write the smaller bound first",
        message(() -> new Parameter.IntRange("layers", 5, 1)));
    assertEquals(
        "parameter 'lr': log-scaled range [0.0, 1.0] must have a positive lower bound; raise it"
            + " above 0 or drop the log scale",
        message(() -> new Parameter.FloatRange("lr", 0, 1, true)));
    assertEquals(
        "parameter 'x': real range [1.0, NaN] is empty or not finite; write two finite bounds,"
            + " the smaller first",
        message(() -> new Parameter.FloatRange("x", 1, Double.NaN, false)));
    assertEquals(
        "parameter 'kernel' has no choices; list at least one value",
        message(() -> new Parameter.Categorical("kernel", List.of())));
    assertEquals(
        "a search parameter needs a name; give each one a name",
        message(() -> new Parameter.IntRange(" ", 1, 2)));
  }

  @Test
  void namesAreUnique() {
    assertEquals(
        "parameter 'x' appears twice in the search space; keep one of them",
        message(
            () ->
                ParameterSpace.of(
                    new Parameter.IntRange("x", 1, 2),
                    new Parameter.FloatRange("x", 0, 1, false))));
  }

  @Test
  void gridsTakeBothEndsAndTheMiddle() {
    assertEquals(List.of(1, 5, 9), new Parameter.IntRange("n", 1, 9).grid());
    assertEquals(List.of(1, 2), new Parameter.IntRange("n", 1, 2).grid());
    assertEquals(List.of(0.0, 0.5, 1.0), new Parameter.FloatRange("x", 0, 1, false).grid());
    assertEquals(List.of(2.0), new Parameter.FloatRange("x", 2, 2, false).grid());
  }
}
