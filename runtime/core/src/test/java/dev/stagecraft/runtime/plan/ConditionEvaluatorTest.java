package dev.stagecraft.runtime.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagecraft.annotations.condition.CheckedCondition;
import dev.stagecraft.annotations.condition.Conditions;
import dev.stagecraft.runtime.graph.ConditionType;
import dev.stagecraft.runtime.graph.ParamType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conditions read from files, checked by the shared checker over the runtime's types and walked on
 * real values, give what the processor's generated Java gives.
 */
class ConditionEvaluatorTest {
  enum Impute {
    MEAN,
    MEDIAN
  }

  private static final Map<String, ConditionType> TYPES = new LinkedHashMap<>();
  private static final Map<String, Object> VALUES = new LinkedHashMap<>();

  static {
    param("nTrials", ParamType.INT, 8);
    param("testSize", ParamType.DOUBLE, 0.2);
    param("enableAbTesting", ParamType.BOOLEAN, true);
    param("target", ParamType.STRING, "diagnosis");
    param("impute", ParamType.enumOf("Impute", Impute.values()), Impute.MEDIAN);
    param("folds", ParamType.INT.named("Integer"), 3);
    param("regions", ParamType.listOf(ParamType.STRING), List.of("eu"));
  }

  private static void param(String name, ParamType<?> type, Object value) {
    TYPES.put(name, ConditionType.of(type));
    VALUES.put(name, value);
  }

  private static boolean test(String condition, Profile profile) {
    CheckedCondition<ConditionType> checked =
        Conditions.check(condition, RuntimeTypeModel.INSTANCE, TYPES, Map.of());
    if (checked instanceof CheckedCondition.Invalid<ConditionType> invalid) {
      throw new AssertionError(condition + ": " + invalid.errors());
    }
    return new ConditionEvaluator(VALUES, profile)
        .test(((CheckedCondition.Valid<ConditionType>) checked).condition());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "nTrials > 4 && testSize < 0.5 => true",
        "nTrials == 8.0 => true",
        "nTrials in [1, 8] => true",
        "testSize in [0.2, 0.3] => true",
        "enableAbTesting => true",
        "!enableAbTesting || target == 'label' => false",
        "target != 'diagnosis' => false",
        "impute == 'MEDIAN' => true",
        "impute in ['MEAN'] => false",
        "folds >= 3 => true",
        "regions != null => true",
        "(nTrials > 1) == enableAbTesting => true",
        "profile.environment == 'production' => true",
        "profile.environment in ['dev', 'staging'] => false",
        "profile.data_size > 1e9 => true",
        "profile.data_size >= 2000000000 => true",
        "profile.data_size != 2000000000 => false",
        "profile.data_preprocessed => true",
        "profile.data_preprocessed == false => false",
        "profile.data_size > 1e10 && profile.environment == 'production' => false"
      })
  void onAProfileThatGivesItsFacts(String condition, boolean expected) {
    Profile profile =
        Profile.parse(
            Map.of("environment", "production", "data_size", "2e9", "data_preprocessed", "true"));
    assertEquals(expected, test(condition, profile));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "profile.environment != 'production' => true",
        "profile.environment == 'production' => false",
        "profile.environment == null => true",
        "profile.environment in ['dev', 'production'] => false",
        "profile.data_size > 1e9 => false",
        "profile.data_size <= 1e9 => false",
        "profile.data_size == 5 => false",
        "profile.data_size != 5 => true",
        "profile.data_size in [1, 2] => false",
        "profile.data_preprocessed => false",
        "!profile.data_preprocessed => true",
        "profile.data_preprocessed == false => false",
        "profile.data_preprocessed != true => true",
        "profile.data_size == profile.data_size => true"
      })
  void anAbsentFactIsNullWhichOnlyEqualityComparesWith(String condition, boolean expected) {
    assertEquals(expected, test(condition, Profile.EMPTY));
  }
}
