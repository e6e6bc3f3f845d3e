package dev.stagecraft.processor;

import static dev.stagecraft.processor.ErrorAssertions.assertOnlyError;
import static dev.stagecraft.processor.Fixtures.source;

import org.junit.jupiter.api.Test;

class ForEachErrorsTest {
  @Test
  void noSource() {
    assertOnlyError(
        source(
            "ErroneousForEachNone",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousForEachNone {",
            "  @Stage",
            "  @ForEach",
            "  public int a(@Item String item) { return 1; }",
            "}"),
        "[StagecraftForEachSources] @ForEach of stage 'a' needs exactly one of items, param or input (found none)",
        "@ForEach");
  }

  @Test
  void twoSources() {
    assertOnlyError(
        source(
            "ErroneousForEachTwo",
            "import dev.stagecraft.annotations.*;",
            "import java.util.List;",
            "@Pipeline",
            "public class ErroneousForEachTwo {",
            "  @Stage",
            "  @ForEach(items = {\"a\"}, param = \"names\")",
            "  public int a(@Item String item, @Param(\"names\") List<String> names) { return 1; }",
            "}"),
        "[StagecraftForEachSources] @ForEach of stage 'a' needs exactly one of items, param or input (found items and param)",
        "@ForEach(items");
  }

  @Test
  void itemWithoutForEach() {
    assertOnlyError(
        source(
            "ErroneousItem",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousItem {",
            "  @Stage public int a(",
            "      @Item String item) { return 1; }",
            "}"),
        "[StagecraftItemWithoutForEach] @Item parameter 'item' of stage 'a' needs @ForEach on the stage",
        "@Item String item");
  }

  @Test
  void forEachWithoutItem() {
    assertOnlyError(
        source(
            "ErroneousNoItem",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousNoItem {",
            "  @Stage",
            "  @ForEach(items = {\"a\", \"b\"})",
            "  public int a() { return 1; }",
            "}"),
        "[StagecraftForEachWithoutItem] @ForEach stage 'a' has no @Item parameter; add one to receive the current item",
        "@ForEach(items");
  }

  @Test
  void twoItems() {
    assertOnlyError(
        source(
            "ErroneousTwoItems",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousTwoItems {",
            "  @Stage",
            "  @ForEach(items = {\"a\", \"b\"})",
            "  public int a(@Item String one,",
            "      @Item String two) { return 1; }",
            "}"),
        "[StagecraftDuplicateItem] stage 'a' has more than one @Item parameter; keep one",
        "@Item String two");
  }

  @Test
  void itemTypeMismatchWithItems() {
    assertOnlyError(
        source(
            "ErroneousItemType",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousItemType {",
            "  @Stage",
            "  @ForEach(items = {\"1\", \"2\"})",
            "  public int a(@Item Integer size) { return size; }",
            "}"),
        "[StagecraftItemTypeMismatch] @Item of stage 'a' is Integer but @ForEach(items) gives items of type String",
        "@Item Integer size");
  }

  @Test
  void itemTypeMismatchWithParam() {
    assertOnlyError(
        source(
            "ErroneousItemParamType",
            "import dev.stagecraft.annotations.*;",
            "import java.util.List;",
            "@Pipeline",
            "public class ErroneousItemParamType {",
            "  @Stage public int sizes(@Param(\"sizes\") List<Integer> sizes) { return 1; }",
            "  @Stage",
            "  @ForEach(param = \"sizes\")",
            "  public int a(@Item String size) { return 1; }",
            "}"),
        "[StagecraftItemTypeMismatch] @Item of stage 'a' is String but @ForEach(param = \"sizes\") gives items of type Integer",
        "@Item String size");
  }

  @Test
  void paramNotAList() {
    assertOnlyError(
        source(
            "ErroneousForEachParam",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousForEachParam {",
            "  @Stage public int a(@Param(\"size\") int size) { return size; }",
            "  @Stage",
            "  @ForEach(param = \"size\")",
            "  public int b(@Item Integer item) { return item; }",
            "}"),
        "[StagecraftForEachParamNotList] @ForEach(param = \"size\") of stage 'b' needs a List parameter, but 'size' is int",
        "@ForEach(param = \"size\")");
  }

  @Test
  void unknownParam() {
    assertOnlyError(
        source(
            "ErroneousForEachUnknownParam",
            "import dev.stagecraft.annotations.*;",
            "import java.util.List;",
            "@Pipeline",
            "public class ErroneousForEachUnknownParam {",
            "  @Stage public int a(@Param(\"variants\") List<String> v) { return 1; }",
            "  @Stage",
            "  @ForEach(param = \"variant\")",
            "  public int b(@Item String item) { return 1; }",
            "}"),
        "[StagecraftUnknownParam] @ForEach(param = \"variant\") of stage 'b' names no @Param of this pipeline (did you mean 'variants'?)",
        "@ForEach(param = \"variant\")");
  }

  @Test
  void inputNotAList() {
    assertOnlyError(
        source(
            "ErroneousForEachInput",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousForEachInput {",
            "  @Stage public String name() { return \"x\"; }",
            "  @Stage",
            "  @ForEach(input = \"name\")",
            "  public int b(@Item String item) { return 1; }",
            "}"),
        "[StagecraftForEachInputNotList] @ForEach(input = \"name\") of stage 'b' needs a stage returning a List, but 'name' returns String",
        "@ForEach(input = \"name\")");
  }
}
