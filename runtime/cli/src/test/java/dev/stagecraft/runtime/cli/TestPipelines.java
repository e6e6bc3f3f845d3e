package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.ParamType;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.PipelineProvider;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;
import java.util.List;

/** Pipelines registered for the CLI tests in META-INF/services. */
public final class TestPipelines {
  private TestPipelines() {}

  static final ResourceRequest SMALL = ResourceRequest.parse("100m", "1Mi", 0);

  /** A diamond with a fan-out: source -> left, right -> join; train over [a, b]. */
  public static final class Diamond implements PipelineProvider {
    @Override
    public String name() {
      return "diamond";
    }

    @Override
    public String description() {
      return "A diamond of typed stages";
    }

    @Override
    public PipelineDefinition definition() {
      return PipelineDefinition.builder(name())
          .description(description())
          .param(ParamSpec.required("inputDataPath", ParamType.PATH, "the input CSV"))
          .param(ParamSpec.optional("nTrials", ParamType.INT, "how many trials", "3"))
          .stage(
              StageSpec.builder("source")
                  .resources(SMALL)
                  .outputType("Integer")
                  .params("nTrials")
                  .body(call -> call.<Integer>param("nTrials"))
                  .build())
          .stage(
              StageSpec.builder("left")
                  .resources(SMALL)
                  .outputType("Integer")
                  .input(InputSpec.of("source"))
                  .body(call -> call.<Integer>input("source") + 1)
                  .build())
          .stage(
              StageSpec.builder("right")
                  .resources(SMALL)
                  .outputType("Integer")
                  .input(InputSpec.of("source"))
                  .body(call -> call.<Integer>input("source") * 2)
                  .build())
          .stage(
              StageSpec.builder("join")
                  .resources(SMALL)
                  .outputType("Integer")
                  .input(InputSpec.of("left"))
                  .input(InputSpec.of("right"))
                  .dependsOn("source")
                  .body(call -> call.<Integer>input("left") + call.<Integer>input("right"))
                  .build())
          .stage(
              StageSpec.builder("train")
                  .resources(SMALL)
                  .outputType("String")
                  .fanOut(new FanOut.Items(List.of("a", "b")))
                  .body(
                      call -> {
                        call.context().metric("accuracy", call.item().equals("a") ? 0.9 : 0.8);
                        return "model-" + call.item();
                      })
                  .build())
          .build();
    }
  }

  /** One stage fails. */
  public static final class Failing implements PipelineProvider {
    @Override
    public String name() {
      return "failing";
    }

    @Override
    public String description() {
      return "Fails on purpose";
    }

    @Override
    public PipelineDefinition definition() {
      return PipelineDefinition.builder(name())
          .stage(
              StageSpec.builder("bad")
                  .resources(SMALL)
                  .body(
                      call -> {
                        throw new IllegalStateException("boom");
                      })
                  .build())
          .stage(
              StageSpec.builder("after")
                  .resources(SMALL)
                  .dependsOn("bad")
                  .body(call -> null)
                  .build())
          .build();
    }
  }

  /** Asks for more than any test machine has. */
  public static final class Huge implements PipelineProvider {
    @Override
    public String name() {
      return "huge";
    }

    @Override
    public String description() {
      return "Needs 64 cores";
    }

    @Override
    public PipelineDefinition definition() {
      return PipelineDefinition.builder(name())
          .stage(
              StageSpec.builder("train")
                  .resources(ResourceRequest.parse("64", "1Gi", 0))
                  .body(call -> null)
                  .build())
          .build();
    }
  }

  /** Its definition throws: an internal error. */
  public static final class Broken implements PipelineProvider {
    @Override
    public String name() {
      return "broken";
    }

    @Override
    public String description() {
      return "";
    }

    @Override
    public PipelineDefinition definition() {
      throw new IllegalStateException("generated code is out of date");
    }
  }

  /**
   * What the processor generates for a pipeline class without a public no-argument constructor: it
   * describes itself, and tells the command line why it cannot run it.
   */
  public static final class NoConstructor implements PipelineProvider {
    static final String WHY =
        "pipeline 'no-ctor' cannot run from the command line: its class demo.NoCtor has no"
            + " public no-argument constructor to create it with; add one, or run it from code"
            + " with StagecraftNoCtor.builder(new NoCtor(...))";

    @Override
    public String name() {
      return "no-ctor";
    }

    @Override
    public String description() {
      return "";
    }

    @Override
    public PipelineDefinition definition() {
      return PipelineDefinition.builder(name())
          .stage(
              StageSpec.builder("greet")
                  .resources(SMALL)
                  .outputType("String")
                  .body(
                      call -> {
                        throw new IllegalStateException(WHY);
                      })
                  .build())
          .build();
    }

    @Override
    public java.util.Optional<String> notRunnableReason() {
      return java.util.Optional.of(WHY);
    }
  }

  /** Fails in 'train' while {@link #trainFails} is set; counts how often each stage ran. */
  public static final class Resumable implements PipelineProvider {
    static final java.util.concurrent.atomic.AtomicInteger PREPARED =
        new java.util.concurrent.atomic.AtomicInteger();
    static final java.util.concurrent.atomic.AtomicInteger CACHED_RUNS =
        new java.util.concurrent.atomic.AtomicInteger();
    static volatile boolean trainFails = true;

    @Override
    public String name() {
      return "resumable";
    }

    @Override
    public String description() {
      return "Fails until told otherwise";
    }

    @Override
    public PipelineDefinition definition() {
      return PipelineDefinition.builder(name())
          .param(ParamSpec.optional("rows", ParamType.INT, "", "5"))
          .stage(
              StageSpec.builder("prep")
                  .resources(SMALL)
                  .outputType("String")
                  .params("rows")
                  .body(
                      call -> {
                        PREPARED.incrementAndGet();
                        return "rows=" + call.param("rows");
                      })
                  .build())
          .stage(
              StageSpec.builder("expensive")
                  .resources(SMALL)
                  .outputType("String")
                  .cache(true)
                  .params("rows")
                  .body(
                      call -> {
                        CACHED_RUNS.incrementAndGet();
                        return "features";
                      })
                  .build())
          .stage(
              StageSpec.builder("train")
                  .resources(SMALL)
                  .outputType("String")
                  .input(InputSpec.of("prep"))
                  .body(
                      call -> {
                        if (trainFails) {
                          throw new IllegalStateException("out of memory, pretend");
                        }
                        return "model on " + call.input("prep");
                      })
                  .build())
          .build();
    }
  }
}
