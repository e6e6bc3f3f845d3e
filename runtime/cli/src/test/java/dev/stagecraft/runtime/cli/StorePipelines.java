package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.StageContext;
import dev.stagecraft.runtime.components.deploy.ModelRegistry;
import dev.stagecraft.runtime.components.deploy.ModelSource;
import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.ParamType;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.PipelineProvider;
import dev.stagecraft.runtime.graph.RetryPolicy;
import dev.stagecraft.runtime.graph.StageSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Pipelines for the tests of runs against a store (registered in META-INF/services): leases,
 * scratch space, the registry, attempts and logs, fan-out labels.
 */
public final class StorePipelines {
  private StorePipelines() {}

  /** The log every execution of {@link Gated} appends its stage name to. */
  static final String LOG = "executions.log";

  /** {@link Gated}'s {@code wait} stage waits for this file. */
  static final String GO = "go";

  /** Appends {@code line} to {@code dir/executions.log}. */
  static void log(Path dir, String line) {
    try {
      Files.writeString(
          dir.resolve(LOG),
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code dir/waiting-PID}: written by {@link Gated}'s {@code wait} stage as it starts waiting.
   */
  static Path waitingMarker(Path dir, long pid) {
    return dir.resolve("waiting-" + pid);
  }

  /**
   * {@code check -> prepare -> wait -> publish}: {@code check} checks the model registry as a
   * {@code load} stage checks settings; {@code wait} waits for {@code dir/go}; {@code publish}
   * deploys a model (model {@code gated}, target {@code production}) once the run is recorded.
   * Every stage appends its name to {@code dir/executions.log}.
   */
  public static final class Gated implements PipelineProvider {
    @Override
    public String name() {
      return "gated";
    }

    @Override
    public String description() {
      return "Waits for a file, then deploys";
    }

    @Override
    public PipelineDefinition definition() {
      return PipelineDefinition.builder(name())
          .param(ParamSpec.required("dir", ParamType.PATH, "where the log and the gate are"))
          .param(ParamSpec.optional("registryDir", ParamType.PATH, "the registry", ""))
          .stage(
              stage("check", null)
                  .params("dir", "registryDir")
                  .body(
                      call -> {
                        registry(call.param("registryDir"), call.context()).checkWritable();
                        log(call.param("dir"), "check");
                        return "checked";
                      })
                  .build())
          .stage(
              stage("prepare", "check")
                  .params("dir")
                  .body(
                      call -> {
                        log(call.param("dir"), "prepare");
                        return "prepared";
                      })
                  .build())
          .stage(
              stage("wait", "prepare")
                  .params("dir")
                  .body(
                      call -> {
                        Path dir = call.param("dir");
                        log(dir, "wait");
                        Files.writeString(
                            waitingMarker(dir, ProcessHandle.current().pid()),
                            call.context().runId());
                        while (!Files.exists(dir.resolve(GO))) {
                          Thread.sleep(10); // until the test opens the gate, or a kill
                        }
                        return "waited";
                      })
                  .build())
          .stage(
              stage("publish", "wait")
                  .params("dir", "registryDir")
                  .body(
                      call -> {
                        StageContext ctx = call.context();
                        int version =
                            registry(call.param("registryDir"), ctx)
                                .deploy(
                                    ctx.runId().getBytes(StandardCharsets.UTF_8),
                                    "constant",
                                    0.5,
                                    "gated",
                                    "production",
                                    new ModelSource(ctx.runId(), "prepare", "gate.csv"),
                                    ctx::ensureRecorded)
                                .version();
                        log(call.param("dir"), "publish");
                        return "version " + version;
                      })
                  .build())
          .build();
    }

    private static ModelRegistry registry(Path dir, StageContext ctx) {
      return dir.toString().isEmpty() ? ModelRegistry.of(ctx) : new ModelRegistry(dir);
    }
  }

  /**
   * {@code load} fails on its first attempt and succeeds on its second, logging as it goes; {@code
   * scratch} writes into its scratch directory and fails when {@code fail} is set.
   */
  public static final class Flaky implements PipelineProvider {
    @Override
    public String name() {
      return "flaky";
    }

    @Override
    public String description() {
      return "Fails once, then works";
    }

    @Override
    public PipelineDefinition definition() {
      return PipelineDefinition.builder(name())
          .param(ParamSpec.optional("fail", ParamType.BOOLEAN, "fail in scratch", "false"))
          .stage(
              stage("load", null)
                  .retry(new RetryPolicy(2, Duration.ofMillis(20)))
                  .body(
                      call -> {
                        StageContext ctx = call.context();
                        ctx.logger().info("reading part {} of 3", ctx.attempt());
                        if (ctx.attempt() == 1) {
                          throw new IOException("connection reset");
                        }
                        return "rows";
                      })
                  .build())
          .stage(
              stage("scratch", "load")
                  .params("fail")
                  .body(
                      call -> {
                        Path dir = call.context().scratchDir();
                        Files.writeString(dir.resolve("partial.csv"), "a,b\n");
                        call.context().logger().warn("wrote {}", dir.resolve("partial.csv"));
                        if (call.<Boolean>param("fail")) {
                          throw new IllegalStateException("disk full, pretend");
                        }
                        return dir.toString();
                      })
                  .build())
          .build();
    }
  }

  /** A fold of data: a name and a feature matrix (its {@code toString} prints every number). */
  public record Fold(String name, List<List<Double>> features) {}

  /** {@code folds} returns 5 folds of 300 x 30 numbers; {@code score} fans out over them. */
  public static final class Matrices implements PipelineProvider {
    @Override
    public String name() {
      return "matrices";
    }

    @Override
    public String description() {
      return "Fans out over records holding feature matrices";
    }

    @Override
    public PipelineDefinition definition() {
      return PipelineDefinition.builder(name())
          .stage(
              stage("folds", null)
                  .outputType("List<Fold>")
                  .body(
                      call -> {
                        Random random = new Random(5);
                        List<Fold> folds = new ArrayList<>();
                        for (int f = 0; f < 5; f++) {
                          List<List<Double>> rows = new ArrayList<>();
                          for (int r = 0; r < 300; r++) {
                            List<Double> row = new ArrayList<>();
                            for (int c = 0; c < 30; c++) {
                              row.add(random.nextDouble());
                            }
                            rows.add(row);
                          }
                          folds.add(new Fold("fold-" + f, rows));
                        }
                        return folds;
                      })
                  .build())
          .stage(
              stage("score", null)
                  .outputType("Double")
                  .fanOut(new FanOut.FromInput("folds"))
                  .body(
                      call -> {
                        Fold fold = call.item();
                        double sum =
                            fold.features().stream()
                                .flatMap(List::stream)
                                .mapToDouble(Double::doubleValue)
                                .sum();
                        call.context().metric("sum", sum);
                        call.context().logger().info("scored {}", fold.name());
                        return sum;
                      })
                  .build())
          .build();
    }
  }

  private static StageSpec.Builder stage(String name, String input) {
    StageSpec.Builder b =
        StageSpec.builder(name).resources(TestPipelines.SMALL).outputType("String");
    if (input != null) {
      b.input(InputSpec.of(input));
    }
    return b;
  }
}
