package dev.stagecraft.processor;

import static dev.stagecraft.processor.ErrorAssertions.assertOnlyError;
import static dev.stagecraft.processor.Fixtures.source;

import org.junit.jupiter.api.Test;

class ParamErrorsTest {
  @Test
  void unsupportedType() {
    assertOnlyError(
        source(
            "ErroneousParamType",
            "import dev.stagecraft.annotations.*;",
            "import java.util.Map;",
            "@Pipeline",
            "public class ErroneousParamType {",
            "  @Stage public int a(",
            "      @Param(\"weights\") Map<String, Double> weights) { return 1; }",
            "}"),
        "[StagecraftUnsupportedParamType] @Param(\"weights\") has unsupported type Map<String, Double> (use String, a primitive or its box, an enum, Path, Duration, or a List of those)",
        "Map<String, Double> weights");
  }

  @Test
  void twoTypes() {
    assertOnlyError(
        source(
            "ErroneousParamTypes",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousParamTypes {",
            "  @Stage public int a(@Param(\"size\") int size) { return size; }",
            "  @Stage public int b(@Param(\"size\") String size) { return 1; }",
            "}"),
        "[StagecraftParamTypeConflict] @Param(\"size\") is String here but int on parameter 'size' of stage 'a'; declare one type",
        "String size");
  }

  @Test
  void twoDefaults() {
    assertOnlyError(
        source(
            "ErroneousParamDefaults",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousParamDefaults {",
            "  @Stage public int a(@Param(\"size\") @Default(\"3\") int size) { return size; }",
            "  @Stage public int b(@Param(\"size\") @Default(\"4\") int size) { return size; }",
            "}"),
        "[StagecraftParamDefaultConflict] @Param(\"size\") has @Default(\"4\") here but @Default(\"3\") on parameter 'size' of stage 'a'; declare one default",
        "@Default(\"4\")");
  }

  @Test
  void defaultThatDoesNotParse() {
    assertOnlyError(
        source(
            "ErroneousDefault",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousDefault {",
            "  @Stage public int a(@Param(\"epochs\") @Default(\"abc\") int epochs) { return epochs; }",
            "}"),
        "[StagecraftInvalidDefault] @Default(\"abc\") of @Param(\"epochs\"): \"abc\" is not an int",
        "@Default(\"abc\")");
  }

  @Test
  void defaultNotAnEnumConstant() {
    assertOnlyError(
        source(
            "ErroneousEnumDefault",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousEnumDefault {",
            "  public enum Env { DEV, PROD }",
            "  @Stage public int a(@Param(\"env\") @Default(\"staging\") Env env) { return 1; }",
            "}"),
        "[StagecraftInvalidDefault] @Default(\"staging\") of @Param(\"env\"): \"staging\" is not a Env (use one of DEV, PROD)",
        "@Default(\"staging\")");
  }

  @Test
  void defaultListElementThatDoesNotParse() {
    assertOnlyError(
        source(
            "ErroneousListDefault",
            "import dev.stagecraft.annotations.*;",
            "import java.util.List;",
            "@Pipeline",
            "public class ErroneousListDefault {",
            "  @Stage public int a(@Param(\"sizes\") @Default(\"1, x\") List<Integer> sizes) { return 1; }",
            "}"),
        "[StagecraftInvalidDefault] @Default(\"1, x\") of @Param(\"sizes\"): \"x\" is not an int in list \"1, x\"",
        "@Default(\"1, x\")");
  }

  @Test
  void defaultWithoutParam() {
    assertOnlyError(
        source(
            "ErroneousStrayDefault",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousStrayDefault {",
            "  @Stage public int a() { return 1; }",
            "  @Stage public int b(@Input(\"a\") @Default(\"3\") int x) { return x; }",
            "}"),
        "[StagecraftDefaultWithoutParam] @Default on parameter 'x' of stage 'b' needs @Param",
        "@Default(\"3\")");
  }

  @Test
  void emptyParamName() {
    assertOnlyError(
        source(
            "ErroneousEmptyParam",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousEmptyParam {",
            "  @Stage public int a(@Param(\"\") int x) { return x; }",
            "}"),
        "[StagecraftEmptyParamName] @Param name must not be empty",
        "@Param(\"\")");
  }

  @Test
  void unannotatedParameter() {
    assertOnlyError(
        source(
            "ErroneousUnannotated",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousUnannotated {",
            "  @Stage public int a(",
            "      String mystery) { return 1; }",
            "}"),
        "[StagecraftUnannotatedParameter] parameter 'mystery' of stage 'a' is none of @Input, @Param, @Item or StageContext; annotate it",
        "String mystery");
  }

  @Test
  void ambiguousParameter() {
    assertOnlyError(
        source(
            "ErroneousAmbiguous",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousAmbiguous {",
            "  @Stage public int a() { return 1; }",
            "  @Stage public int b(",
            "      @Input(\"a\") @Param(\"a\") int both) { return both; }",
            "}"),
        "[StagecraftAmbiguousParameter] parameter 'both' of stage 'b' has @Input and @Param; keep exactly one",
        "int both");
  }

  @Test
  void paramNameWithCharactersANameCannotHave() {
    assertOnlyError(
        source(
            "ErroneousParamName",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousParamName {",
            "  @Stage public int a(@Param(\"eval-delay ms\") int delay) { return delay; }",
            "}"),
        "[StagecraftInvalidParamName] @Param name \"eval-delay ms\" is not a valid parameter name: it has ' '; use letters, digits, '_' and '-', starting with a letter",
        "eval-delay ms");
  }

  @Test
  void aParamRepeatedOnOneMethodNamesTheEarlierParameter() {
    assertOnlyError(
        source(
            "ErroneousRepeatedParam",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousRepeatedParam {",
            "  @Stage public long load(",
            "      @Param(\"rows\") long rows,",
            "      @Param(\"rows\") int again) { return rows; }",
            "}"),
        "[StagecraftParamTypeConflict] @Param(\"rows\") is int here but long on the earlier parameter 'rows' of this method; declare one type",
        "int again");
  }

  @Test
  void twoDescriptions() {
    assertOnlyError(
        source(
            "ErroneousDescriptions",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousDescriptions {",
            "  @Stage public int a(@Param(value = \"n\", description = \"rows\") int n) { return n; }",
            "  @Stage public int b(@Param(value = \"n\", description = \"row count\") int n) {",
            "    return n;",
            "  }",
            "}"),
        "[StagecraftParamDescriptionConflict] @Param(\"n\") has description \"row count\" here but \"rows\" on parameter 'n' of stage 'a'; declare one description",
        "row count");
  }

  @Test
  void twoSetsOfChecks() {
    assertOnlyError(
        source(
            "ErroneousChecks",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousChecks {",
            "  @Stage public int a(@Param(\"n\") @Range(min = 1) int n) { return n; }",
            "  @Stage public int b(@Param(\"n\") @Range(min = 2) int n) { return n; }",
            "}"),
        "[StagecraftParamCheckConflict] @Param(\"n\") is checked by @Range (at least 2) here but by @Range (at least 1) on parameter 'n' of stage 'a'; declare one set of checks",
        "@Range(min = 2)");
  }

  @Test
  void aDefaultThatFailsItsCheck() {
    assertOnlyError(
        source(
            "ErroneousDefaultCheck",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousDefaultCheck {",
            "  @Stage public int a(@Param(\"bins\") @Default(\"0\") @Range(min = 1) int bins) {",
            "    return bins;",
            "  }",
            "}"),
        "[StagecraftDefaultFailsCheck] @Default(\"0\") of @Param(\"bins\") must be at least 1, not 0 (@Range)",
        "@Default(\"0\")");
  }

  @Test
  void aRangeOnAString() {
    assertOnlyError(
        source(
            "ErroneousRangeOnString",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousRangeOnString {",
            "  @Stage public int a(@Param(\"name\") @Range(max = 3) String name) { return 1; }",
            "}"),
        "[StagecraftCheckNotApplicable] @Range does not apply to @Param(\"name\") of type String: it checks numbers and lists of numbers",
        "@Range(max = 3)");
  }

  @Test
  void oneOfOnAnEnum() {
    assertOnlyError(
        source(
            "ErroneousOneOfOnEnum",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousOneOfOnEnum {",
            "  public enum Env { DEV, PROD }",
            "  @Stage public int a(@Param(\"env\") @OneOf({\"DEV\"}) Env env) { return 1; }",
            "}"),
        "[StagecraftCheckNotApplicable] @OneOf does not apply to @Param(\"env\") of type Env: it checks String parameters and lists of strings (an enum's values are its constants already)",
        "@OneOf");
  }

  @Test
  void notEmptyOnANumber() {
    assertOnlyError(
        source(
            "ErroneousNotEmptyOnInt",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousNotEmptyOnInt {",
            "  @Stage public int a(@Param(\"n\") @NotEmpty int n) { return n; }",
            "}"),
        "[StagecraftCheckNotApplicable] @NotEmpty does not apply to @Param(\"n\") of type int: it checks String, Path and List parameters",
        "@NotEmpty");
  }

  @Test
  void aRangeNoValueFits() {
    assertOnlyError(
        source(
            "ErroneousEmptyRange",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousEmptyRange {",
            "  @Stage public int a(@Param(\"n\") @Range(min = 5, max = 1) int n) { return n; }",
            "}"),
        "[StagecraftInvalidCheck] @Range of @Param(\"n\") accepts no value: no number is in [5, 1]",
        "@Range(min = 5, max = 1)");
  }

  @Test
  void aRangeWithoutBounds() {
    assertOnlyError(
        source(
            "ErroneousUnboundedRange",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousUnboundedRange {",
            "  @Stage public int a(@Param(\"n\") @Range int n) { return n; }",
            "}"),
        "[StagecraftInvalidCheck] @Range of @Param(\"n\") sets no bound; give min, max or both",
        "@Range int n");
  }

  @Test
  void anEmptyOneOf() {
    assertOnlyError(
        source(
            "ErroneousEmptyOneOf",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousEmptyOneOf {",
            "  @Stage public int a(@Param(\"s\") @OneOf({}) String s) { return 1; }",
            "}"),
        "[StagecraftInvalidCheck] @OneOf of @Param(\"s\") accepts no value: list the values allowed",
        "@OneOf({})");
  }
}
