package dev.stagecraft.processor.condition;

import static com.google.common.truth.Truth.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error of the checker, end to end through javac: the exact message a processor reports
 * ({@code "@When: " + message + " at column " + column}). The fixture's parameters and stages are
 * {@link CompiledConditions#MEMBERS}.
 */
class ConditionErrorsTest {

  /** Conditions with several errors, checked by the tests below. */
  private static final List<String> MULTIPLE =
      List.of(
          "enableAbTestng && abTest.confidense > 0.8 || env == 'prod' || replicas",
          "!(zzz > 1) && zzz == 'a'",
          "env in ['DEV', 'QA', 'UAT']");

  private static void assertErrors(String condition, String... expected) {
    assertThat(errorsByCondition.get(condition)).containsExactlyElementsIn(expected).inOrder();
  }

  /** {@code condition :: message :: column}, one error each. */
  private static final List<String> CASES =
      List.of(
          // unknown names and properties
          "enableAbTestng :: unknown name 'enableAbTestng' (did you mean 'enableAbTesting'?) :: 1",
          "force && abTst.confidence > 0.8 :: unknown name 'abTst' (did you mean 'abTest'?) :: 10",
          "zzz :: unknown name 'zzz' (parameters and stages: enableAbTesting, force, environment, dataSize, replicas, threshold, env, regions, grade, both, abTest, train, boxed, model, wildBox, score, cleanup) :: 1",
          "both > 1 :: 'both' is both a @Param and a stage: rename one of them :: 1",
          "abTest.confidense > 0.8 :: unknown property 'confidense' of AbTestResult (did you mean 'confidence'?) :: 8",
          "abTest.xyz :: unknown property 'xyz' of AbTestResult (properties: confidence, winner, environment, model, sampleSize) :: 8",
          "model.nme == 'a' :: unknown property 'nme' of Model (did you mean 'name'?) :: 7",
          "model.count > 1 :: unknown property 'count' of Model (properties: version, name, deployed, accuracy) :: 7",
          "model.describe == 'a' :: unknown property 'describe' of Model (properties: version, name, deployed, accuracy) :: 7",
          "boxed.value.nam == 'a' :: unknown property 'nam' of Model (did you mean 'name'?) :: 13",
          "train.first :: unknown property 'first' of List<Model> (properties: empty) :: 7",
          "abTest.confidence.value > 1 :: abTest.confidence is double, which has no property 'value' :: 19",
          "cleanup.done :: stage 'cleanup' returns void: it has no properties :: 1",
          "cleanup :: stage 'cleanup' returns void: it has no value to test :: 1",
          // incompatible comparisons
          "abTest.confidence == '0.8' :: cannot compare abTest.confidence (double) with '0.8' (String): numbers compare only with numbers :: 19",
          "environment != 1 :: cannot compare environment (String) with 1 (number): strings compare only with strings :: 13",
          "enableAbTesting == 1 :: cannot compare enableAbTesting (boolean) with 1 (number): booleans compare only with booleans :: 17",
          "replicas == force :: cannot compare replicas (int) with force (Boolean): numbers compare only with numbers :: 10",
          "env == environment :: cannot compare env (Environment) with environment (String): an enum compares with a string literal naming one of its constants :: 5",
          "env == 1 :: cannot compare env (Environment) with 1 (number): an enum compares with a string literal naming one of its constants :: 5",
          "model == abTest :: cannot compare model (Model) with abTest (AbTestResult): Model compares only with Model or null :: 7",
          "grade == 'A' :: cannot compare grade (char) with 'A' (String): char compares only with char :: 7",
          "(replicas > 1) == 2 :: cannot compare the '>' comparison at column 11 (boolean) with 2 (number): booleans compare only with booleans :: 16",
          // enums
          "env == 'prod' :: Environment has no constant 'prod' (constants: DEV, STAGING, PRODUCTION) :: 8",
          "'QA' != env :: Environment has no constant 'QA' (constants: DEV, STAGING, PRODUCTION) :: 1",
          // ordering
          "environment < 'b' :: '<' compares numbers only, but environment is String :: 13",
          "abTest.confidence > '0.8' :: '>' compares numbers only, but '0.8' is String :: 19",
          "env >= 'DEV' :: '>=' compares numbers only, but env is Environment :: 5",
          "replicas <= null :: '<=' compares numbers only, but null is null :: 10",
          // in
          "environment in ['dev', 1] :: the 'in' list mixes strings and numbers: use values of one type :: 24",
          "replicas in [1, 2.5, true] :: the 'in' list mixes numbers and booleans: use values of one type :: 22",
          "environment in ['dev', null] :: null cannot be in an 'in' list: test '== null' separately :: 24",
          "replicas in ['a', 'b'] :: cannot test whether replicas (int) is in a list of strings: numbers compare only with numbers :: 10",
          "environment in [1, 2] :: cannot test whether environment (String) is in a list of numbers: strings compare only with strings :: 13",
          "env in [1] :: cannot test whether env (Environment) is in a list of numbers: an enum compares with a string literal naming one of its constants :: 5",
          "model in ['a'] :: 'in' needs a number, string, boolean or enum but model is Model :: 7",
          // null
          "replicas == null :: cannot compare replicas (int) with null: a primitive is never null :: 10",
          "null != abTest.confidence :: cannot compare abTest.confidence (double) with null: a primitive is never null :: 6",
          "1 == null :: cannot compare 1 (number) with null: a primitive is never null :: 3",
          // booleans
          "abTest.confidence :: the condition must be boolean but abTest.confidence is double :: 1",
          "'yes' :: the condition must be boolean but 'yes' is String :: 1",
          "null :: the condition must be boolean but null is null :: 1",
          "environment :: the condition must be boolean but environment is String :: 1",
          "replicas && force :: '&&' needs booleans but replicas is int :: 1",
          "force || (environment) :: '||' needs booleans but environment is String :: 11",
          "!environment :: '!' needs a boolean but environment is String :: 2",
          // profile facts
          "profile :: 'profile' needs a fact, e.g. profile.environment (facts: data_size, model_complexity, latency_requirement, priority, environment, pipeline_mode, data_preprocessed) :: 1",
          "profle.environment == 'dev' :: unknown name 'profle' (did you mean 'profile'?) :: 1",
          "profile.enviroment == 'dev' :: unknown profile fact 'enviroment' (did you mean 'environment'?) :: 9",
          "profile.zzz == 'dev' :: unknown profile fact 'zzz' (facts: data_size, model_complexity, latency_requirement, priority, environment, pipeline_mode, data_preprocessed) :: 9",
          "profile.environment == 'prodution' :: profile.environment has no value 'prodution' (did you mean 'production'?) :: 24",
          "'qa' == profile.environment :: profile.environment has no value 'qa' (values: dev, staging, production) :: 1",
          "profile.priority in ['normal', 'urgent'] :: profile.priority has no value 'urgent' (values: low, normal, high) :: 32",
          "profile.data_size > '1e9' :: '>' compares numbers only, but '1e9' is String :: 19",
          "profile.environment > 1 :: '>' compares numbers only, but profile.environment is String :: 21",
          "profile.priority.level == 1 :: profile.priority is a profile fact (String), which has no property 'level' :: 18",
          "profile.data_preprocessed == 'yes' :: cannot compare profile.data_preprocessed (Boolean) with 'yes' (String): booleans compare only with booleans :: 27",
          "profile.model_complexity :: the condition must be boolean but profile.model_complexity is String :: 1",
          // syntax, as the processor reports it
          "enableAbTesting && :: expected a name, number, string, true, false, null or '(' but the expression ended :: 19",
          " :: empty expression: write a condition such as 'enableAbTesting' or 'abTest.confidence > 0.8' :: 1",
          "environment == 'prod :: unterminated string: add the closing ' :: 16");

  private static Map<String, List<String>> errorsByCondition;

  @BeforeAll
  static void compileAllCases() {
    List<String> conditions =
        Stream.concat(CASES.stream().map(line -> line.split(" :: ")[0]), MULTIPLE.stream())
            .toList();
    List<List<String>> errors = CompiledConditions.errorsOfEach(conditions);
    errorsByCondition = new HashMap<>();
    for (int i = 0; i < conditions.size(); i++) {
      errorsByCondition.put(conditions.get(i), errors.get(i));
    }
  }

  static Stream<Arguments> cases() {
    return CASES.stream()
        .map(line -> line.split(" :: "))
        .map(parts -> Arguments.of(parts[0], parts[1], Integer.parseInt(parts[2])));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void reportsOneErrorWithItsColumn(String condition, String message, int column) {
    assertThat(errorsByCondition.get(condition))
        .containsExactly("@When: " + message + " at column " + column);
  }

  @Test
  void reportsEveryErrorInIndependentParts() {
    assertErrors(
        "enableAbTestng && abTest.confidense > 0.8 || env == 'prod' || replicas",
        "@When: unknown name 'enableAbTestng' (did you mean 'enableAbTesting'?) at column 1",
        "@When: unknown property 'confidense' of AbTestResult (did you mean 'confidence'?)"
            + " at column 26",
        "@When: Environment has no constant 'prod' (constants: DEV, STAGING, PRODUCTION)"
            + " at column 53",
        "@When: '||' needs booleans but replicas is int at column 63");
  }

  @Test
  void anErrorIsNotRepeatedByTheExpressionsAroundIt() {
    assertErrors(
        "!(zzz > 1) && zzz == 'a'",
        "@When: unknown name 'zzz' (parameters and stages: enableAbTesting, force, environment,"
            + " dataSize, replicas, threshold, env, regions, grade, both, abTest, train, boxed, model,"
            + " wildBox, score, cleanup) at column 3",
        "@When: unknown name 'zzz' (parameters and stages: enableAbTesting, force, environment,"
            + " dataSize, replicas, threshold, env, regions, grade, both, abTest, train, boxed, model,"
            + " wildBox, score, cleanup) at column 15");
  }

  @Test
  void reportsEveryUnknownEnumConstantOfAnInList() {
    assertErrors(
        "env in ['DEV', 'QA', 'UAT']",
        "@When: Environment has no constant 'QA' (constants: DEV, STAGING, PRODUCTION)"
            + " at column 16",
        "@When: Environment has no constant 'UAT' (constants: DEV, STAGING, PRODUCTION)"
            + " at column 22");
  }

  @Test
  void aTypeJavacCouldNotResolveIsReportedAsSuch() {
    List<String> errors =
        CompiledConditions.compileWith("Missing missing() { return null; }", "missing.ready")
            .errors();
    assertThat(errors)
        .contains("@When: missing has type Missing, which javac could not resolve at column 1");
  }
}
