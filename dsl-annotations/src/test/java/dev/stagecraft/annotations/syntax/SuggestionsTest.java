package dev.stagecraft.annotations.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  @Test
  void distanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
    assertEquals(1, Suggestions.distance("confidense", "confidence"));
    assertEquals(3, Suggestions.distance("", "abc"));
    assertEquals(3, Suggestions.distance("kitten", "sitting"));
    assertEquals(0, Suggestions.distance("same", "same"));
    assertEquals(1, Suggestions.distance("trian", "train"), "a swap of neighbours is one edit");
  }

  @Test
  void suggestsTheClosestLikelyTypoIgnoringCase() {
    List<String> names = List.of("enableAbTesting", "abTest", "train");
    assertEquals(Optional.of("enableAbTesting"), Suggestions.closest("enableAbTestng", names));
    assertEquals(Optional.of("abTest"), Suggestions.closest("abtest", names));
    assertEquals(Optional.of("train"), Suggestions.closest("tran", names));
    assertEquals(Optional.of("C"), Suggestions.closest("c", List.of("kernel", "C", "gamma")));
    assertEquals(
        Optional.of("random_forest"),
        Suggestions.closest("random_forrest", List.of("svm", "random_forest")));
  }

  @Test
  void staysQuietWhenNothingIsCloseOrTheNameIsKnown() {
    assertEquals(
        Optional.empty(),
        Suggestions.closest("deploy", List.of("enableAbTesting", "abTest", "train")));
    assertEquals(Optional.empty(), Suggestions.closest("x", List.of()));
    assertEquals(Optional.empty(), Suggestions.closest("train", List.of("train")));
    assertEquals(
        Optional.empty(),
        Suggestions.closest("xyz", List.of("train", "preprocess")),
        "a three-letter name allows one edit");
  }

  @Test
  void tiesGoToTheEarlierCandidate() {
    assertEquals(Optional.of("cat"), Suggestions.closest("bat", List.of("cat", "hat")));
  }

  @Test
  void didYouMeanIsTheHintOrNothing() {
    assertEquals(
        " (did you mean 'preprocess'?)",
        Suggestions.didYouMean("preproces", List.of("train", "preprocess")));
    assertEquals("", Suggestions.didYouMean("zzz", List.of("train")));
  }

  @Test
  void didYouMeanOrListSuggestsElseListsEveryName() {
    List<String> stages = List.of("train", "preprocess");
    assertEquals(
        " (did you mean 'preprocess'?)",
        Suggestions.didYouMeanOrList("preproces", stages, "stages"));
    assertEquals(
        " (stages: train, preprocess)", Suggestions.didYouMeanOrList("deploy", stages, "stages"));
    assertEquals("", Suggestions.didYouMeanOrList("deploy", List.of(), "stages"));
  }
}
