package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.StageContext;
import dev.stagecraft.runtime.graph.ResourceRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link StageContext} of one execution. */
final class ExecutionContext implements StageContext {
  private final Execution execution;
  private final Map<String, Double> metrics = new LinkedHashMap<>();
  private Logger logger;
  private Path scratch;

  ExecutionContext(Execution execution) {
    this.execution = execution;
  }

  @Override
  public String runId() {
    return execution.run.runId();
  }

  @Override
  public String pipelineName() {
    return execution.run.pipelineName();
  }

  @Override
  public String stageName() {
    return execution.stage.name();
  }

  @Override
  public String instanceName() {
    return execution.name;
  }

  @Override
  public int attempt() {
    return execution.attempts();
  }

  @Override
  public Optional<Object> item() {
    return execution.instance < 0 ? Optional.empty() : Optional.ofNullable(execution.item);
  }

  @Override
  public synchronized Logger logger() {
    if (logger == null) {
      logger = LoggerFactory.getLogger("stagecraft." + pipelineName() + "." + stageName());
    }
    return logger;
  }

  @Override
  public synchronized Path scratchDir() {
    if (scratch == null) {
      String safe = execution.name.replaceAll("[^A-Za-z0-9._\\-\\[\\]]", "_");
      Path dir =
          execution
              .run
              .scratchRoot()
              .resolve(runId().replaceAll("[^A-Za-z0-9._\\-]", "_"))
              .resolve(safe);
      try {
        scratch = Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create scratch directory " + dir, e);
      }
    }
    return scratch;
  }

  @Override
  public Optional<Path> storeDirectory() {
    return execution.run.storeDirectory();
  }

  @Override
  public ResourceRequest resources() {
    return execution.stage.spec.resources();
  }

  @Override
  public int parallelism() {
    return (int) Math.max(1, (resources().milliCpu() + 999) / 1000);
  }

  @Override
  public void progress(String message) {
    Objects.requireNonNull(message, "message");
    execution.run.progressReported(execution, message);
  }

  @Override
  public synchronized void metric(String name, double value) {
    metrics.put(name, value);
  }

  synchronized Map<String, Double> metricsSnapshot() {
    return new LinkedHashMap<>(metrics);
  }

  @Override
  public boolean isCancelled() {
    return execution.isCancelled();
  }
}
