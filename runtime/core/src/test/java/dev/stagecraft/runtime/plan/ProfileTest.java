package dev.stagecraft.runtime.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Profile facts from text: typed, checked, every problem with a suggestion. */
class ProfileTest {
  private static List<String> problems(Map<String, String> texts) {
    return assertThrows(ProfileException.class, () -> Profile.parse(texts)).problems();
  }

  @Test
  void factsAreTypedAndKeptInTheirOrder() {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("data_preprocessed", "TRUE");
    texts.put("environment", "Production");
    texts.put("data_size", "2Gi");

    Profile p = Profile.parse(texts);

    assertEquals(OptionalLong.of(2L << 30), p.dataSize());
    assertEquals(
        List.of("data_size", "environment", "data_preprocessed"), List.copyOf(p.facts().keySet()));
    assertEquals("production", p.fact("environment").orElseThrow());
    assertEquals(Boolean.TRUE, p.fact("data_preprocessed").orElseThrow());
    assertEquals(
        Map.of("data_size", 2147483648L, "environment", "production", "data_preprocessed", true),
        p.facts());
  }

  @Test
  void theCommandLinesFactsReplaceTheFilesOnes() {
    Profile file = Profile.parse(Map.of("environment", "staging", "priority", "low"));
    Profile flags = Profile.parse(Map.of("environment", "production"));

    assertEquals(Map.of("priority", "low", "environment", "production"), file.with(flags).facts());
  }

  @Test
  void anUnknownFactIsReportedWithASuggestionOrTheList() {
    assertEquals(
        List.of("unknown profile fact 'datasize' (did you mean 'data_size'?)"),
        problems(Map.of("datasize", "2e9")));
    assertEquals(
        List.of(
            "unknown profile fact 'zone'; facts: data_size, model_complexity,"
                + " latency_requirement, priority, environment, pipeline_mode, data_preprocessed"),
        problems(Map.of("zone", "eu")));
  }

  @Test
  void aBadValueIsReportedWithWhatIsAllowed() {
    assertEquals(
        List.of(
            "profile fact 'environment' cannot be 'prodution' (did you mean 'production'?); use"
                + " one of dev, staging, production"),
        problems(Map.of("environment", "prodution")));
    assertEquals(
        List.of(
            "profile fact 'latency_requirement' cannot be 'fast'; use one of standard, low,"
                + " ultra_low"),
        problems(Map.of("latency_requirement", "fast")));
    assertEquals(
        List.of("profile fact 'data_preprocessed' cannot be 'yes': use true or false"),
        problems(Map.of("data_preprocessed", "yes")));
    assertEquals(
        List.of("data_size \"2GB\" is not a Kubernetes quantity (use 2Gi or 2G)"),
        problems(Map.of("data_size", "2GB")));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("priority", "urgent");
    texts.put("data_size", "lots");
    assertEquals(2, problems(texts).size());
  }

  @Test
  void aProfileFilesProblemsNameTheirLines() {
    ConfigTree tree =
        new ConfigTree.Mapping(
            List.of(
                new ConfigTree.Entry(
                    "environment", 1, new ConfigTree.Scalar("production", false, 1, "environment")),
                new ConfigTree.Entry(
                    "data_size", 2, new ConfigTree.Scalar("2 GB", false, 2, "data_size")),
                new ConfigTree.Entry(
                    "priority", 3, new ConfigTree.Scalar("", true, 3, "priority"))),
            1,
            "");

    ConfigException e =
        assertThrows(ConfigException.class, () -> Profile.read(tree, "profile.yaml"));

    assertEquals(
        List.of(
            "profile.yaml:2: data_size: data_size \"2 GB\" is not a Kubernetes quantity (use 2Gi"
                + " or 2G)",
            "profile.yaml:3: priority: 'priority' needs a value, not empty"),
        e.problems());
  }
}
