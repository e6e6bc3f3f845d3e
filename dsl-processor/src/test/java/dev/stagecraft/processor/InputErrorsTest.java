package dev.stagecraft.processor;

import static dev.stagecraft.processor.ErrorAssertions.assertOnlyError;
import static dev.stagecraft.processor.Fixtures.source;

import org.junit.jupiter.api.Test;

class InputErrorsTest {
  @Test
  void typeMismatch() {
    assertOnlyError(
        source(
            "ErroneousInputType",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousInputType {",
            "  public record PreparedData(int rows) {}",
            "  public record Table(int rows) {}",
            "  @Stage public Table preprocess() { return new Table(1); }",
            "  @Stage public int train(",
            "      @Input(\"preprocess\") PreparedData data) { return 1; }",
            "}"),
        "[StagecraftInputTypeMismatch] @Input(\"preprocess\") expects PreparedData but stage 'preprocess' returns Table",
        "PreparedData data");
  }

  @Test
  void genericTypeMismatch() {
    assertOnlyError(
        source(
            "ErroneousGenericInput",
            "import dev.stagecraft.annotations.*;",
            "import java.util.List;",
            "@Pipeline",
            "public class ErroneousGenericInput {",
            "  @Stage public List<String> names() { return List.of(); }",
            "  @Stage public int count(",
            "      @Input(\"names\") List<Integer> numbers) { return 1; }",
            "}"),
        "[StagecraftInputTypeMismatch] @Input(\"names\") expects List<Integer> but stage 'names' returns List<String>",
        "List<Integer> numbers");
  }

  @Test
  void primitiveWidening() {
    assertOnlyError(
        source(
            "ErroneousWidening",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousWidening {",
            "  @Stage public int count() { return 1; }",
            "  @Stage public long twice(",
            "      @Input(\"count\") long c) { return 2 * c; }",
            "}"),
        "[StagecraftInputTypeMismatch] @Input(\"count\") expects long but stage 'count' returns int",
        "long c");
  }

  @Test
  void producerReturnsVoid() {
    assertOnlyError(
        source(
            "ErroneousVoidInput",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousVoidInput {",
            "  @Stage public void cleanup() {}",
            "  @Stage public int after(",
            "      @Input(\"cleanup\") Object nothing) { return 1; }",
            "}"),
        "[StagecraftInputFromVoid] @Input(\"cleanup\") reads stage 'cleanup', which returns void; give it a return type or use @DependsOn(\"cleanup\")",
        "Object nothing");
  }

  @Test
  void optionalOfWrongType() {
    assertOnlyError(
        source(
            "ErroneousOptional",
            "import dev.stagecraft.annotations.*;",
            "import java.util.Optional;",
            "@Pipeline",
            "public class ErroneousOptional {",
            "  @Stage public String name() { return \"x\"; }",
            "  @Stage public int use(",
            "      @Input(\"name\") Optional<Integer> n) { return 1; }",
            "}"),
        "[StagecraftInputTypeMismatch] @Input(\"name\") expects Optional<Integer> but stage 'name' returns String",
        "Optional<Integer> n");
  }

  @Test
  void fanOutConsumerNotTakingAList() {
    assertOnlyError(
        source(
            "ErroneousFanOutConsumer",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousFanOutConsumer {",
            "  public record TrainedModel(String variant) {}",
            "  @Stage @ForEach(items = {\"a\", \"b\"})",
            "  public TrainedModel train(@Item String variant) { return new TrainedModel(variant); }",
            "  @Stage public int pick(",
            "      @Input(\"train\") TrainedModel model) { return 1; }",
            "}"),
        "[StagecraftFanOutConsumerNotList] @Input(\"train\") expects TrainedModel but fan-out stage 'train' delivers List<TrainedModel>; declare the parameter as List<TrainedModel>",
        "TrainedModel model");
  }
}
