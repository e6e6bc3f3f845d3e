package dev.stagecraft.runtime.engine;

import static dev.stagecraft.runtime.engine.Graphs.options;
import static dev.stagecraft.runtime.engine.Graphs.pipeline;
import static dev.stagecraft.runtime.engine.Graphs.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.stagecraft.runtime.graph.PipelineDefinition;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Stage code runs with the run's context class loader ({@code RunOptions.withClassLoader}), on the
 * run's threads and in a slice run on the caller's thread, which gets its own loader back.
 */
@Timeout(30)
class ContextClassLoaderTest {
  private final ClassLoader users = new URLClassLoader(new URL[0], getClass().getClassLoader());

  private static PipelineDefinition seeing() {
    return pipeline("loaders")
        .stage(stage("a", c -> Thread.currentThread().getContextClassLoader()).build())
        .stage(stage("b", c -> Thread.currentThread().getContextClassLoader()).build())
        .build();
  }

  @Test
  void everyStageOfARunSeesTheRunsLoader() {
    RunResult r = Graphs.run(seeing(), options(2).withClassLoader(users));
    assertSame(users, r.output("a"));
    assertSame(users, r.output("b"));
  }

  @Test
  void aSliceSeesTheRunsLoaderAndTheCallerGetsItsOwnBack() {
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    RunResult r =
        PipelineRunner.executeSlice(
            seeing(),
            ParamResolver.fromText(seeing(), Map.of()),
            options(2).withRunId("r1").withClassLoader(users),
            new Slice("a", Optional.empty(), 1, Map.of()));
    assertSame(users, r.stages().get(0).output().orElseThrow());
    assertSame(before, Thread.currentThread().getContextClassLoader());
  }

  @Test
  void withoutOneStagesKeepTheLoaderTheyInherit() {
    RunResult r = Graphs.run(seeing(), options(2));
    assertEquals(Thread.currentThread().getContextClassLoader(), r.output("a"));
  }
}
