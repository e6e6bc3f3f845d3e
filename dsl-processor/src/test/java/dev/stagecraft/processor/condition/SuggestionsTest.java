package dev.stagecraft.processor.condition;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The "did you mean" search. */
class SuggestionsTest {

  @Test
  void distanceCountsEdits() {
    assertThat(Suggestions.distance("confidense", "confidence")).isEqualTo(1);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("same", "same")).isEqualTo(0);
  }

  @Test
  void suggestsTheClosestLikelyTypo() {
    List<String> names = List.of("enableAbTesting", "abTest", "train");
    assertThat(Suggestions.closest("enableAbTestng", names)).hasValue("enableAbTesting");
    assertThat(Suggestions.closest("abtest", names)).hasValue("abTest");
    assertThat(Suggestions.closest("tran", names)).hasValue("train");
    assertThat(Suggestions.closest("deploy", names)).isEmpty();
    assertThat(Suggestions.closest("x", List.of())).isEmpty();
  }
}
