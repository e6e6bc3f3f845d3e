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
        "[StagecraftParamTypeConflict] @Param(\"size\") is String here but int on stage 'a'; declare one type",
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
        "[StagecraftParamDefaultConflict] @Param(\"size\") has @Default(\"4\") here but @Default(\"3\") on stage 'a'; declare one default",
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
}
