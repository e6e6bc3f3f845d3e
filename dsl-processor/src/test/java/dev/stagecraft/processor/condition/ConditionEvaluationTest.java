package dev.stagecraft.processor.condition;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stagecraft.processor.condition.fixtures.AbTestResult;
import dev.stagecraft.processor.condition.fixtures.Box;
import dev.stagecraft.processor.condition.fixtures.Environment;
import dev.stagecraft.processor.condition.fixtures.Model;
import dev.stagecraft.runtime.graph.Condition;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** End to end: conditions compiled by javac with the processor, then run on real values. */
class ConditionEvaluationTest {
  private static final String[] CONDITIONS = {
    /* 0 */ "environment == 'production'",
    /* 1 */ "dataSize > 1e9",
    /* 2 */ "environment in ['dev', \"staging\"]",
    /* 3 */ "env == 'PRODUCTION'",
    /* 4 */ "abTest.winner != null",
    /* 5 */ "abTest.model.name == 'gbm' && abTest.model.deployed",
    /* 6 */ "enableAbTesting && abTest.confidence > 0.8 || force",
    /* 7 */ "!enableAbTesting",
    /* 8 */ "replicas >= 2 && replicas <= 4",
    /* 9 */ "threshold < abTest.confidence",
    /* 10 */ "env in ['DEV', 'STAGING']",
    /* 11 */ "replicas in [1, 3, 5]",
    /* 12 */ "abTest.confidence in [0.5, 1]",
    /* 13 */ "model.version == 3 && model.accuracy >= 0.9",
    /* 14 */ "boxed.value.name == 'boxed'",
    /* 15 */ "train.empty",
    /* 16 */ "abTest.environment == env",
    /* 17 */ "force == true",
    /* 18 */ "(replicas > 1) != enableAbTesting",
    /* 19 */ "abTest.sampleSize > 100",
    /* 20 */ "'staging' == environment",
    /* 21 */ "environment != 'production'",
    /* 22 */ "dataSize == 10000000000",
    /* 23 */ "abTest == null || abTest.confidence > -0.5",
    /* 24 */ "wildBox.value.version > 1 && wildBox.value.name != 'x'",
    /* 25 */ "score >= 0.5 && regions != null",
    /* 26 */ "profile.environment != 'production'",
    /* 27 */ "profile.data_size > 1e9",
    /* 28 */ "profile.data_size == 1000000000",
    /* 29 */ "profile.data_preprocessed",
    /* 30 */ "!profile.data_preprocessed",
    /* 31 */ "profile.model_complexity in ['medium', 'high']",
    /* 32 */ "profile.data_size in [1, 2]",
    /* 33 */ "profile.data_size != 5",
    /* 34 */ "profile.data_preprocessed == false",
    /* 35 */ "profile.environment == null",
    /* 36 */ "profile.data_size >= dataSize",
    /* 37 */ "!(profile.data_size < 10) && profile.data_size == profile.data_size",
  };

  private static List<Condition.Predicate> predicates;
  private static CompiledConditions compiled;

  @BeforeAll
  static void compile() {
    compiled = CompiledConditions.compile(CONDITIONS);
    predicates = compiled.predicates();
  }

  private static boolean test(int index, RecordingScope scope) {
    return predicates.get(index).test(scope);
  }

  private static AbTestResult abTest(double confidence) {
    return new AbTestResult(
        confidence, "b", Environment.STAGING, new Model("gbm", 3, true, 0.93), 250);
  }

  @Test
  void stringEquality() {
    assertThat(test(0, new RecordingScope().param("environment", "production"))).isTrue();
    assertThat(test(0, new RecordingScope().param("environment", "dev"))).isFalse();
    assertThat(test(0, new RecordingScope().param("environment", null))).isFalse();
    assertThat(test(20, new RecordingScope().param("environment", "staging"))).isTrue();
    assertThat(test(21, new RecordingScope().param("environment", "dev"))).isTrue();
    assertThat(test(21, new RecordingScope().param("environment", "production"))).isFalse();
  }

  @Test
  void thresholdWithExponent() {
    assertThat(test(1, new RecordingScope().param("dataSize", 2_000_000_000L))).isTrue();
    assertThat(test(1, new RecordingScope().param("dataSize", 1_000_000_000L))).isFalse();
  }

  @Test
  void largeIntegralLiteralComparesAsLong() {
    assertThat(test(22, new RecordingScope().param("dataSize", 10_000_000_000L))).isTrue();
    assertThat(test(22, new RecordingScope().param("dataSize", 10_000_000_001L))).isFalse();
  }

  @Test
  void membershipOfStrings() {
    assertThat(test(2, new RecordingScope().param("environment", "dev"))).isTrue();
    assertThat(test(2, new RecordingScope().param("environment", "staging"))).isTrue();
    assertThat(test(2, new RecordingScope().param("environment", "production"))).isFalse();
    assertThat(test(2, new RecordingScope().param("environment", null))).isFalse();
  }

  @Test
  void membershipOfEnumsAndNumbers() {
    assertThat(test(10, new RecordingScope().param("env", Environment.DEV))).isTrue();
    assertThat(test(10, new RecordingScope().param("env", Environment.PRODUCTION))).isFalse();
    assertThat(test(11, new RecordingScope().param("replicas", 3))).isTrue();
    assertThat(test(11, new RecordingScope().param("replicas", 4))).isFalse();
    assertThat(test(12, new RecordingScope().output("abTest", abTest(1.0)))).isTrue();
    assertThat(test(12, new RecordingScope().output("abTest", abTest(0.5)))).isTrue();
    assertThat(test(12, new RecordingScope().output("abTest", abTest(0.7)))).isFalse();
  }

  @Test
  void enumEquality() {
    assertThat(test(3, new RecordingScope().param("env", Environment.PRODUCTION))).isTrue();
    assertThat(test(3, new RecordingScope().param("env", Environment.DEV))).isFalse();
    assertThat(
            test(
                16,
                new RecordingScope()
                    .param("env", Environment.STAGING)
                    .output("abTest", abTest(0.9))))
        .isTrue();
  }

  @Test
  void nullChecks() {
    assertThat(test(4, new RecordingScope().output("abTest", abTest(0.9)))).isTrue();
    assertThat(
            test(
                4,
                new RecordingScope()
                    .output("abTest", new AbTestResult(0.9, null, null, null, null))))
        .isFalse();
    assertThat(test(23, new RecordingScope().output("abTest", null))).isTrue();
    assertThat(test(23, new RecordingScope().output("abTest", abTest(0.1)))).isTrue();
  }

  @Test
  void nestedPropertiesThroughGettersFieldsAndInheritance() {
    assertThat(test(5, new RecordingScope().output("abTest", abTest(0.9)))).isTrue();
    assertThat(test(13, new RecordingScope().output("model", new Model("m", 3, false, 0.95))))
        .isTrue();
    assertThat(test(13, new RecordingScope().output("model", new Model("m", 3, false, 0.85))))
        .isFalse();
    assertThat(
            test(
                14,
                new RecordingScope().output("boxed", new Box<>(new Model("boxed", 1, false, 0.5)))))
        .isTrue();
    assertThat(test(15, new RecordingScope().output("train", List.of()))).isTrue();
  }

  @Test
  void wildcardTypeArgumentsAndPrimitiveOutputs() {
    assertThat(
            test(
                24,
                new RecordingScope().output("wildBox", new Box<>(new Model("m", 2, false, 0.5)))))
        .isTrue();
    assertThat(test(25, new RecordingScope().output("score", 0.75).param("regions", List.of("eu"))))
        .isTrue();
    assertThat(test(25, new RecordingScope().output("score", 0.25).param("regions", List.of("eu"))))
        .isFalse();
  }

  @Test
  void booleanCombination() {
    RecordingScope confident =
        new RecordingScope().param("enableAbTesting", true).output("abTest", abTest(0.9));
    assertThat(test(6, confident)).isTrue();
    assertThat(confident.seen())
        .containsExactly("enableAbTesting = true", "abTest.confidence = 0.9")
        .inOrder();

    RecordingScope forced =
        new RecordingScope()
            .param("enableAbTesting", true)
            .output("abTest", abTest(0.62))
            .param("force", true);
    assertThat(test(6, forced)).isTrue();
    assertThat(forced.seen())
        .containsExactly("enableAbTesting = true", "abTest.confidence = 0.62", "force = true")
        .inOrder();

    RecordingScope unsure =
        new RecordingScope()
            .param("enableAbTesting", true)
            .output("abTest", abTest(0.62))
            .param("force", false);
    assertThat(test(6, unsure)).isFalse();
  }

  @Test
  void shortCircuitDoesNotReadTheRightSide() {
    // abTest is not provided: reading it would throw
    RecordingScope disabled =
        new RecordingScope().param("enableAbTesting", false).param("force", false);
    assertThat(test(6, disabled)).isFalse();
    assertThat(disabled.seen())
        .containsExactly("enableAbTesting = false", "force = false")
        .inOrder();
    assertThat(test(7, new RecordingScope().param("enableAbTesting", false))).isTrue();
  }

  @Test
  void numbersOfDifferentTypesCompare() {
    assertThat(test(8, new RecordingScope().param("replicas", 3))).isTrue();
    assertThat(test(8, new RecordingScope().param("replicas", 5))).isFalse();
    assertThat(test(9, new RecordingScope().param("threshold", 0.5).output("abTest", abTest(0.62))))
        .isTrue();
    assertThat(test(19, new RecordingScope().output("abTest", abTest(0.62)))).isTrue();
  }

  @Test
  void booleansCompareAfterUnboxing() {
    assertThat(test(17, new RecordingScope().param("force", Boolean.valueOf(true)))).isTrue();
    assertThat(test(18, new RecordingScope().param("replicas", 2).param("enableAbTesting", false)))
        .isTrue();
  }

  @Test
  void navigatingThroughNullNamesThePath() {
    RecordingScope.NullPathException noModel =
        assertThrows(
            RecordingScope.NullPathException.class,
            () ->
                test(
                    5,
                    new RecordingScope()
                        .output("abTest", new AbTestResult(0.9, "a", Environment.DEV, null, 1))));
    assertThat(noModel).hasMessageThat().isEqualTo("abTest.model is null");

    RecordingScope.NullPathException noResult =
        assertThrows(
            RecordingScope.NullPathException.class,
            () ->
                test(
                    6, new RecordingScope().param("enableAbTesting", true).output("abTest", null)));
    assertThat(noResult).hasMessageThat().isEqualTo("abTest is null");

    RecordingScope.NullPathException nullBox =
        assertThrows(
            RecordingScope.NullPathException.class,
            () ->
                test(
                    19,
                    new RecordingScope()
                        .output(
                            "abTest", new AbTestResult(0.9, "a", Environment.DEV, null, null))));
    assertThat(nullBox).hasMessageThat().isEqualTo("abTest.sampleSize is null");
  }

  @Test
  void sawRecordsLeafValuesForExplanations() {
    RecordingScope scope = new RecordingScope().output("abTest", abTest(0.62));
    test(5, scope);
    assertThat(scope.seen())
        .containsExactly("abTest.model.name = gbm", "abTest.model.deployed = true")
        .inOrder();
  }

  @Test
  void reportsTheStagesAndParamsEachConditionReads() {
    assertThat(compiled.stages().get(6)).containsExactly("abTest");
    assertThat(compiled.params().get(6)).containsExactly("enableAbTesting", "force").inOrder();
    assertThat(compiled.stages().get(0)).isEmpty();
    assertThat(compiled.stages().get(16)).containsExactly("abTest");
    assertThat(compiled.params().get(16)).containsExactly("env");
  }

  @Test
  void generatedCodeIsPlainJavaOverTheScope() {
    String source = compiled.generatedSource();
    assertThat(source)
        .contains(
            "scope -> (scope.saw(\"enableAbTesting\","
                + " scope.<Boolean>param(\"enableAbTesting\"))"
                + " && ((double) scope.saw(\"abTest.confidence\", scope.notNull(\"abTest\","
                + " scope.<AbTestResult>output(\"abTest\")).confidence()) > 0.8))"
                + " || scope.notNull(\"force\", scope.saw(\"force\", scope.<Boolean>param(\"force\"))),");
    assertThat(source)
        .contains(
            "scope.saw(\"abTest.confidence\", scope.notNull(\"abTest\","
                + " scope.<AbTestResult>output(\"abTest\")).confidence())");
    assertThat(source).contains("scope.<Boolean>param(\"enableAbTesting\")");
    assertThat(source).contains("scope.<List<Model>>output(\"train\")");
    assertThat(source).contains("scope.<Box<Model>>output(\"boxed\")");
    assertThat(source).contains("== Environment.PRODUCTION");
    assertThat(source).contains("import dev.stagecraft.processor.condition.fixtures.AbTestResult;");
  }

  @Test
  void aProfileFactIsComparedLikeAValue() {
    assertThat(test(26, new RecordingScope().profile("environment", "dev"))).isTrue();
    assertThat(test(26, new RecordingScope().profile("environment", "production"))).isFalse();
    assertThat(test(27, new RecordingScope().profile("data_size", 1_000_000_001L))).isTrue();
    assertThat(test(27, new RecordingScope().profile("data_size", 1_000_000_000L))).isFalse();
    assertThat(test(28, new RecordingScope().profile("data_size", 1_000_000_000L))).isTrue();
    assertThat(test(29, new RecordingScope().profile("data_preprocessed", true))).isTrue();
    assertThat(test(30, new RecordingScope().profile("data_preprocessed", true))).isFalse();
    assertThat(test(31, new RecordingScope().profile("model_complexity", "high"))).isTrue();
    assertThat(test(31, new RecordingScope().profile("model_complexity", "low"))).isFalse();
    assertThat(test(32, new RecordingScope().profile("data_size", 2L))).isTrue();
    assertThat(test(33, new RecordingScope().profile("data_size", 5L))).isFalse();
    assertThat(test(34, new RecordingScope().profile("data_preprocessed", false))).isTrue();
    assertThat(test(36, new RecordingScope().profile("data_size", 7L).param("dataSize", 7L)))
        .isTrue();
  }

  @Test
  void anAbsentProfileFactIsNullWhichOnlyEqualityComparesWith() {
    RecordingScope none = new RecordingScope();
    assertThat(test(26, none)).isTrue(); // null != 'production'
    assertThat(test(27, none)).isFalse(); // ordering with null is false
    assertThat(test(28, none)).isFalse();
    assertThat(test(29, none)).isFalse(); // a boolean fact on its own: true only when true
    assertThat(test(30, none)).isTrue();
    assertThat(test(31, none)).isFalse(); // in is false
    assertThat(test(32, none)).isFalse();
    assertThat(test(33, none)).isTrue(); // null != 5
    assertThat(test(34, none)).isFalse(); // null == false is false
    assertThat(test(35, none)).isTrue();
    assertThat(test(36, new RecordingScope().param("dataSize", 7L))).isFalse();
    assertThat(test(37, none)).isTrue(); // !(false) && null == null
    assertThat(none.seen()).contains("profile.data_size = null");
  }
}
