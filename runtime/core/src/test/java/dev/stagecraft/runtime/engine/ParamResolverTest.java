package dev.stagecraft.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stagecraft.annotations.syntax.ValueCheck;
import dev.stagecraft.runtime.UserInputException;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.ParamType;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamResolverTest {
  enum Mode {
    FAST,
    THOROUGH
  }

  private static final PipelineDefinition DEF =
      PipelineDefinition.builder("tune")
          .param(ParamSpec.required("inputDataPath", ParamType.PATH, "the CSV"))
          .param(ParamSpec.optional("nTrials", ParamType.INT, "", "10"))
          .param(ParamSpec.optional("mode", ParamType.enumOf("Mode", Mode.values()), "", "FAST"))
          .param(ParamSpec.optional("budget", ParamType.DURATION, "", "PT5M"))
          .param(ParamSpec.optional("sizes", ParamType.listOf(ParamType.INT), "", "1,2"))
          .build();

  @Test
  void parsesTextAndAppliesDefaultsInDeclarationOrder() {
    ResolvedParams p =
        ParamResolver.fromText(
            DEF, Map.of("inputDataPath", "data.csv", "nTrials", "20", "mode", "thorough"));

    assertEquals(
        List.of("inputDataPath", "nTrials", "mode", "budget", "sizes"),
        List.copyOf(p.values().keySet()));
    assertEquals(Path.of("data.csv"), p.values().get("inputDataPath"));
    assertEquals(20, p.values().get("nTrials"));
    assertEquals(Mode.THOROUGH, p.values().get("mode"));
    assertEquals(Duration.ofMinutes(5), p.values().get("budget"));
    assertEquals(List.of(1, 2), p.values().get("sizes"));
    assertEquals("20", p.texts().get("nTrials"));
  }

  @Test
  void acceptsTypedValuesAndRecordsTheirTextForm() {
    ResolvedParams p =
        ParamResolver.fromValues(
            DEF,
            Map.of(
                "inputDataPath", Path.of("x.csv"), "sizes", List.of(3, 4), "mode", Mode.THOROUGH));

    assertEquals(List.of(3, 4), p.values().get("sizes"));
    assertEquals("3,4", p.texts().get("sizes"));
    assertEquals("THOROUGH", p.texts().get("mode"));
    assertEquals("x.csv", p.texts().get("inputDataPath"));
  }

  @Test
  void anUnknownNameSuggestsTheClosestOne() {
    ParamException e =
        assertThrows(
            ParamException.class,
            () -> ParamResolver.fromText(DEF, Map.of("inputDataPath", "x", "nTrails", "3")));
    assertEquals(
        "unknown parameter 'nTrails' for pipeline 'tune' (did you mean 'nTrials'?)",
        e.getMessage());
  }

  @Test
  void anUnknownNameWithNothingCloseListsTheParameters() {
    ParamException e =
        assertThrows(
            ParamException.class,
            () -> ParamResolver.fromText(DEF, Map.of("inputDataPath", "x", "colour", "red")));
    assertEquals(
        "unknown parameter 'colour' for pipeline 'tune' (its parameters: inputDataPath, nTrials,"
            + " mode, budget, sizes)",
        e.getMessage());

    PipelineDefinition none = PipelineDefinition.builder("empty").build();
    assertEquals(
        "unknown parameter 'x' for pipeline 'empty' (it takes no parameters)",
        assertThrows(ParamException.class, () -> ParamResolver.fromText(none, Map.of("x", "1")))
            .getMessage());
  }

  @Test
  void textOfTheWrongTypeSaysWhatWasExpected() {
    ParamException e =
        assertThrows(
            ParamException.class,
            () -> ParamResolver.fromText(DEF, Map.of("inputDataPath", "x", "nTrials", "abc")));
    assertEquals("parameter 'nTrials' expects int: \"abc\" is not an int", e.getMessage());

    ParamException en =
        assertThrows(
            ParamException.class,
            () -> ParamResolver.fromText(DEF, Map.of("inputDataPath", "x", "mode", "quick")));
    assertEquals(
        "parameter 'mode' expects Mode: \"quick\" is not a Mode (use one of FAST, THOROUGH)",
        en.getMessage());
  }

  @Test
  void aTypedValueOfTheWrongTypeSaysWhatItGot() {
    ParamException e =
        assertThrows(
            ParamException.class,
            () ->
                ParamResolver.fromValues(
                    DEF, Map.of("inputDataPath", Path.of("x"), "nTrials", "abc")));
    assertEquals("parameter 'nTrials' expects int: \"abc\" (String) is not an int", e.getMessage());
  }

  @Test
  void aMissingRequiredParameterSaysHowToSetIt() {
    ParamException e =
        assertThrows(ParamException.class, () -> ParamResolver.fromText(DEF, Map.of()));
    assertEquals(
        "missing required parameter 'inputDataPath' (Path): set it with -p inputDataPath=VALUE or"
            + " the builder's inputDataPath(...)",
        e.getMessage());
    assertEquals(UserInputException.class, e.getClass().getSuperclass());
  }

  @Test
  void aBadDefaultNamesTheParameter() {
    PipelineDefinition def =
        PipelineDefinition.builder("bad")
            .param(ParamSpec.optional("n", ParamType.INT, "", "ten"))
            .build();
    ParamException e =
        assertThrows(ParamException.class, () -> ParamResolver.fromText(def, Map.of()));
    assertEquals(
        "default of parameter 'n' of pipeline 'bad' does not parse as int: \"ten\" is not an int",
        e.getMessage());
  }

  private static final PipelineDefinition CHECKED =
      PipelineDefinition.builder("checked")
          .param(
              ParamSpec.optional("folds", ParamType.INT, "", "3")
                  .withChecks(new ValueCheck.Range(2, Double.POSITIVE_INFINITY, false, false)))
          .param(
              ParamSpec.optional("testSize", ParamType.DOUBLE, "", "0.2")
                  .withChecks(new ValueCheck.Range(0, 1, true, true)))
          .param(
              ParamSpec.optional("method", ParamType.STRING, "", "random")
                  .withChecks(new ValueCheck.OneOf(List.of("random", "grid", "tpe"))))
          .param(
              ParamSpec.optional("target", ParamType.STRING, "", "label")
                  .withChecks(new ValueCheck.NotEmpty()))
          .param(
              ParamSpec.optional("sizes", ParamType.listOf(ParamType.INT), "", "1,2")
                  .withChecks(new ValueCheck.Range(1, 10, false, false)))
          .paramCheck(
              values -> {
                if (values.<String>get("method").equals("tpe")
                    && values.<Integer>get("folds") < 3) {
                  throw new IllegalArgumentException("searchMethod tpe needs folds of 3 or more");
                }
              })
          .build();

  @Test
  void everyBadValueIsReportedAtOnceBeforeAnyStage() {
    ParamException e =
        assertThrows(
            ParamException.class,
            () ->
                ParamResolver.fromText(
                    CHECKED,
                    Map.of(
                        "folds", "1",
                        "testSize", "1",
                        "method", "rando",
                        "target", " ",
                        "sizes", "3,0",
                        "colour", "red")));
    assertEquals(
        "unknown parameter 'colour' for pipeline 'checked' (its parameters: folds, testSize,"
            + " method, target, sizes); parameter 'folds' must be at least 2, not 1; parameter"
            + " 'testSize' must be in (0, 1), not 1.0; parameter 'method' must be one of random,"
            + " grid, tpe, not 'rando' (did you mean 'random'?); parameter 'target' must not be"
            + " empty; parameter 'sizes' must be in [1, 10], not 0 (an element of the list)",
        e.getMessage());
  }

  @Test
  void typedValuesAreCheckedToo() {
    ParamException e =
        assertThrows(
            ParamException.class, () -> ParamResolver.fromValues(CHECKED, Map.of("folds", 0)));
    assertEquals("parameter 'folds' must be at least 2, not 0", e.getMessage());
  }

  @Test
  void theCheckOfTheValuesTogetherRunsWhenEachPassesItsOwn() {
    assertEquals(
        "searchMethod tpe needs folds of 3 or more",
        assertThrows(
                ParamException.class,
                () -> ParamResolver.fromText(CHECKED, Map.of("method", "tpe", "folds", "2")))
            .getMessage());
    assertEquals(
        "parameter 'folds' must be at least 2, not 1",
        assertThrows(
                ParamException.class,
                () -> ParamResolver.fromText(CHECKED, Map.of("method", "tpe", "folds", "1")))
            .getMessage(),
        "a value that fails its own check is reported alone: the record could not be built");
    assertEquals(4, ParamResolver.fromText(CHECKED, Map.of("folds", "4")).values().get("folds"));
  }
}
