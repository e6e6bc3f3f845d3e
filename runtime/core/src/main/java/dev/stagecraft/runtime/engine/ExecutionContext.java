package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.StageContext;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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

  /** Forwards to SLF4J and keeps what is logged with the execution (see {@link StageLog}). */
  @Override
  public synchronized Logger logger() {
    if (logger == null) {
      logger =
          new CapturingLogger(
              LoggerFactory.getLogger("stagecraft." + pipelineName() + "." + stageName()),
              execution.log(),
              execution::attempts,
              execution.run.clock(),
              execution.run.secrets());
    }
    return logger;
  }

  @Override
  public synchronized Path scratchDir() {
    if (scratch == null) {
      scratch = execution.run.scratch().of(execution.name);
    }
    return scratch;
  }

  @Override
  public void ensureRecorded() {
    if (execution.isCancelled()) {
      throw new java.util.concurrent.CancellationException(
          "stage '" + execution.name + "' of run " + runId() + " was cancelled");
    }
    execution.run.ensureRecorded();
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
    StageSpec spec = execution.stage.spec;
    if (execution.instance < 0 && spec.parallelism().isPresent()) {
      return spec.parallelism().getAsInt();
    }
    return (int) Math.max(1, (spec.resources().milliCpu() + 999) / 1000);
  }

  @Override
  public List<String> optimizations() {
    return execution.stage.spec.optimizations();
  }

  @Override
  public void progress(String message) {
    Objects.requireNonNull(message, "message");
    execution.run.progressReported(execution, message);
  }

  @Override
  public synchronized void metric(String name, double value) {
    metrics.put(execution.run.secrets().apply(name), value);
  }

  synchronized Map<String, Double> metricsSnapshot() {
    return new LinkedHashMap<>(metrics);
  }

  @Override
  public boolean isCancelled() {
    return execution.isCancelled();
  }

  @Override
  public Optional<String> tenant() {
    return execution.run.tenancy().map(RunTenancy::tenant);
  }

  @Override
  public Map<String, String> environment() {
    return execution.run.tenancy().map(RunTenancy::environment).orElse(Map.of());
  }

  @Override
  public Optional<java.util.Set<String>> deploymentTargets() {
    return execution.run.tenancy().flatMap(RunTenancy::deploymentTargets);
  }

  @Override
  public String secret(String name) {
    Objects.requireNonNull(name, "name");
    SecretSource source =
        execution.run.tenancy().map(RunTenancy::secrets).orElse(SecretSource.NONE);
    if (!source.names().contains(name)) {
      java.util.Set<String> names = new java.util.TreeSet<>(source.names());
      throw new IllegalArgumentException(
          "no secret '"
              + name
              + "' for stage '"
              + execution.name
              + "'"
              + (names.isEmpty()
                  ? execution.run.tenancy().isEmpty()
                      ? ": secrets come from a pipeline server's tenants file, and this run has no"
                          + " tenant"
                      : ": its tenant has none (secrets: in the tenants file)"
                  : dev.stagecraft.annotations.syntax.Suggestions.didYouMeanOrList(
                      name, names, "secrets")));
    }
    String value = source.value(name);
    execution.run.secrets().add(name, value);
    return value;
  }
}
