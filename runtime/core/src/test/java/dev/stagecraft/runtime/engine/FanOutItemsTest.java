package dev.stagecraft.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stagecraft.runtime.graph.FanOut;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The fan-out items decision as a plain function of the fan-out, the parameters and outputs. */
class FanOutItemsTest {
  private static final Function<String, Object> NO_OUTPUTS = stage -> null;

  @Test
  void literalItems() {
    assertEquals(
        List.of("a", "b"),
        FanOutItems.of(new FanOut.Items(List.of("a", "b")), Map.of(), NO_OUTPUTS));
  }

  @Test
  void theElementsOfAListParameter() {
    assertEquals(
        List.of(1, 2),
        FanOutItems.of(new FanOut.FromParam("seeds"), Map.of("seeds", List.of(1, 2)), NO_OUTPUTS));
  }

  @Test
  void aParameterThatIsNotAListIsRefused() {
    FanOutException e =
        assertThrows(
            FanOutException.class,
            () -> FanOutItems.of(new FanOut.FromParam("seeds"), Map.of("seeds", 3), NO_OUTPUTS));
    assertEquals("fan-out parameter 'seeds' is a Integer, not a List", e.getMessage());
  }

  @Test
  void theElementsOfAnUpstreamListOutput() {
    Map<String, Object> outputs = Map.of("variants", List.of("x", "y"));

    assertEquals(
        List.of("x", "y"),
        FanOutItems.of(new FanOut.FromInput("variants"), Map.of(), outputs::get));
  }

  @Test
  void anUpstreamOutputThatIsNullIsRefused() {
    FanOutException e =
        assertThrows(
            FanOutException.class,
            () -> FanOutItems.of(new FanOut.FromInput("variants"), Map.of(), NO_OUTPUTS));
    assertEquals("fan-out input 'variants' returned null, not a List", e.getMessage());
  }
}
