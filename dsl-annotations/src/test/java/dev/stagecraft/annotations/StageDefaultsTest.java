package dev.stagecraft.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StageDefaultsTest {
  /**
   * The one default Java makes {@code Stage} write twice: an element default must be a constant.
   */
  @Test
  void typeDefaultsToDefaultType() throws NoSuchMethodException {
    assertEquals(Stage.DEFAULT_TYPE, Stage.class.getMethod("type").getDefaultValue());
  }
}
