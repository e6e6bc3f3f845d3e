package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.ParamType;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.PipelineProvider;
import dev.stagecraft.runtime.graph.StageBody;
import dev.stagecraft.runtime.graph.StageSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;

/**
 * A chain {@code first -> second -> third -> fourth} for the kill-and-resume test: every execution
 * appends the stage's name to {@code dir/executions.log}; the first time {@code third} runs it
 * creates {@code dir/third.started} and blocks until its process is killed.
 */
public final class KillablePipeline implements PipelineProvider {
  /** The log every execution appends its stage name to. */
  static final String LOG = "executions.log";

  /** Created by the first execution of {@code third}, which then blocks. */
  static final String MARKER = "third.started";

  @Override
  public String name() {
    return "killable";
  }

  @Override
  public String description() {
    return "Blocks in its third stage the first time, to be killed and resumed";
  }

  @Override
  public PipelineDefinition definition() {
    return PipelineDefinition.builder(name())
        .param(ParamSpec.required("dir", ParamType.PATH, "where the log and the marker go"))
        .stage(stage("first", null, call -> logged(call.param("dir"), "first")))
        .stage(stage("second", "first", call -> logged(call.param("dir"), "second")))
        .stage(
            stage(
                "third",
                "second",
                call -> {
                  Path dir = call.param("dir");
                  String out = logged(dir, "third");
                  if (firstTime(dir.resolve(MARKER))) {
                    new CountDownLatch(1).await(); // until SIGKILL
                  }
                  return out;
                }))
        .stage(stage("fourth", "third", call -> logged(call.param("dir"), "fourth")))
        .build();
  }

  private static StageSpec stage(String name, String input, StageBody body) {
    StageSpec.Builder b =
        StageSpec.builder(name)
            .resources(TestPipelines.SMALL)
            .outputType("String")
            .params("dir")
            .body(body);
    if (input != null) {
      b.input(InputSpec.of(input));
    }
    return b.build();
  }

  private static String logged(Path dir, String stage) {
    try {
      Files.writeString(
          dir.resolve(LOG),
          stage + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return stage + " done";
  }

  private static boolean firstTime(Path marker) throws IOException {
    try {
      Files.createFile(marker);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    }
  }
}
