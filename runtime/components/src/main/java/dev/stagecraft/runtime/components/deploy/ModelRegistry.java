package dev.stagecraft.runtime.components.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.runtime.StageContext;
import dev.stagecraft.runtime.components.train.TrainedModel;
import dev.stagecraft.runtime.components.train.TribuoModels;
import dev.stagecraft.runtime.io.AtomicFile;
import dev.stagecraft.runtime.io.FileWriteException;
import dev.stagecraft.runtime.io.Sha256;
import dev.stagecraft.runtime.store.codec.JsonMappers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Model versions per deployment target, in a directory (the store passes {@code
 * .stagecraft/registry}):
 *
 * <pre>
 * DIR/production/versions/000001.model   the model, Tribuo's format
 * DIR/production/versions/000001.json    its {@link Deployment} record
 * DIR/production/current                 the version in service, e.g. "2"
 * </pre>
 *
 * <p>Deploying writes the version's files (each to a temporary file first, then moved into place)
 * and only then replaces {@code current} by an atomic move, so a reader sees either the old or the
 * new version and a crash never leaves a half-written one in service. Every version is kept with
 * the run and stage that produced it; a rollback points {@code current} back to the version that
 * was in service before. Changes are serialized within the JVM and, through a file lock, between
 * processes.
 */
public final class ModelRegistry {
  private static final Pattern TARGET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final ConcurrentHashMap<Path, Object> MONITORS = new ConcurrentHashMap<>();
  private static final String CURRENT = "current";
  private static final String VERSIONS = "versions";

  private final Path dir;
  private final Clock clock;
  private final ObjectMapper json = JsonMappers.indented();

  /** The registry's directory name inside a store directory. */
  public static final String STORE_SUBDIRECTORY = "registry";

  /** The registry of the store in {@code storeDir}: {@code STORE/registry}. */
  public static ModelRegistry inStore(Path storeDir) {
    return new ModelRegistry(storeDir.resolve(STORE_SUBDIRECTORY));
  }

  /**
   * The registry of the store the stage's run is recorded in.
   *
   * @throws DeploymentException when the run has no store (a pipeline run from code without one):
   *     attach a store or name a registry directory
   */
  public static ModelRegistry of(StageContext ctx) {
    return inStore(
        ctx.storeDirectory()
            .orElseThrow(
                () ->
                    new DeploymentException(
                        "run "
                            + ctx.runId()
                            + " has no store, so stage '"
                            + ctx.stageName()
                            + "' has no model registry: attach a store to the run"
                            + " (Store.attach) or name a registry directory")));
  }

  /** A registry in {@code dir} (created when needed). */
  public ModelRegistry(Path dir) {
    this(dir, Clock.systemUTC());
  }

  /** A registry in {@code dir} that dates deployments with {@code clock}. */
  public ModelRegistry(Path dir, Clock clock) {
    this.dir = dir.toAbsolutePath().normalize();
    this.clock = clock;
  }

  /** The registry's directory. */
  public Path directory() {
    return dir;
  }

  /** Deploys a trained model (its Tribuo model and accuracy) to {@code target}. */
  public Deployment deploy(TrainedModel model, String target, String runId, String stage) {
    if (model.model() == null) {
      throw new DeploymentException(
          "trained "
              + model.modelType()
              + " has no Tribuo model to deploy (it was read without"
              + " its model file)");
    }
    return deploy(
        TribuoModels.toBytes(model.model()),
        model.modelType(),
        model.accuracy(),
        target,
        runId,
        stage);
  }

  /**
   * Deploys a model's bytes to {@code target} as its next version and makes it current.
   *
   * @param accuracy the model's held-out accuracy, or {@code null}
   * @throws DeploymentException when the target name is not valid
   */
  public Deployment deploy(
      byte[] modelBytes,
      String modelType,
      Double accuracy,
      String target,
      String runId,
      String stage) {
    checkTarget(target);
    return locked(
        () -> {
          Path versions = dir.resolve(target).resolve(VERSIONS);
          Files.createDirectories(versions);
          Integer previous = readCurrent(target);
          int version = versions(target).stream().mapToInt(Deployment::version).max().orElse(0) + 1;
          while (Files.exists(modelFile(target, version))) {
            version++; // a model file without its record: an interrupted deploy; never reuse it
          }
          Deployment deployment =
              new Deployment(
                  target,
                  version,
                  runId,
                  stage,
                  modelType,
                  accuracy,
                  Sha256.hexOf(modelBytes),
                  modelBytes.length,
                  clock.instant().toString(),
                  previous);
          writeAtomically(modelFile(target, version), modelBytes);
          writeAtomically(recordFile(target, version), json.writeValueAsBytes(deployment));
          writeCurrent(target, version);
          return deployment;
        });
  }

  /**
   * Points {@code target} back at the version that was current before its current one.
   *
   * @return the version now current
   * @throws DeploymentException when the target has nothing to roll back to
   */
  public Deployment rollback(String target) {
    checkTarget(target);
    return locked(
        () -> {
          List<String> targets = targetNames();
          Deployment current =
              current(target)
                  .orElseThrow(
                      () ->
                          new DeploymentException(
                              "target '"
                                  + target
                                  + "' has no deployment to roll back (targets: "
                                  + targets
                                  + ")"));
          if (current.previousVersion() == null) {
            throw new DeploymentException(
                "target '"
                    + target
                    + "' is at its first version "
                    + current.version()
                    + "; there is no earlier version to roll back to");
          }
          writeCurrent(target, current.previousVersion());
          return readRecord(target, current.previousVersion());
        });
  }

  /** The version in service at {@code target}, if any. */
  public Optional<Deployment> current(String target) {
    checkTarget(target);
    try {
      Integer version = readCurrent(target);
      return version == null ? Optional.empty() : Optional.of(readRecord(target, version));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The Tribuo model in service at {@code target}.
   *
   * @throws DeploymentException when nothing is deployed there
   */
  public Model<Label> currentModel(String target) {
    Deployment current =
        current(target)
            .orElseThrow(
                () ->
                    new DeploymentException(
                        "nothing is deployed to target '" + target + "'; deploy a model first"));
    try (InputStream in = Files.newInputStream(modelFile(target, current.version()))) {
      return TribuoModels.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The model file of a version (Tribuo's format; read it with {@code TribuoModels}). */
  public Path modelFile(String target, int version) {
    return dir.resolve(target).resolve(VERSIONS).resolve(String.format("%06d.model", version));
  }

  /** Every target with its versions, by target name. */
  public List<TargetState> list() {
    try {
      List<TargetState> states = new ArrayList<>();
      for (String target : targetNames()) {
        states.add(new TargetState(target, readCurrent(target), versions(target)));
      }
      return states;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> targetNames() throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(dir)) {
      return children
          .filter(p -> Files.isDirectory(p.resolve(VERSIONS)))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    }
  }

  private List<Deployment> versions(String target) throws IOException {
    Path versions = dir.resolve(target).resolve(VERSIONS);
    if (!Files.isDirectory(versions)) {
      return List.of();
    }
    List<Deployment> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(versions)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        records.add(json.readValue(file.toFile(), Deployment.class));
      }
    }
    return records;
  }

  private Deployment readRecord(String target, int version) throws IOException {
    return json.readValue(recordFile(target, version).toFile(), Deployment.class);
  }

  private Path recordFile(String target, int version) {
    return dir.resolve(target).resolve(VERSIONS).resolve(String.format("%06d.json", version));
  }

  private Integer readCurrent(String target) throws IOException {
    Path pointer = dir.resolve(target).resolve(CURRENT);
    if (!Files.exists(pointer)) {
      return null;
    }
    return Integer.valueOf(Files.readString(pointer, StandardCharsets.UTF_8).trim());
  }

  private void writeCurrent(String target, int version) throws IOException {
    writeAtomically(
        dir.resolve(target).resolve(CURRENT), (version + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void writeAtomically(Path file, byte[] bytes) throws IOException {
    try {
      AtomicFile.writeDurably(file, out -> out.write(bytes));
    } catch (FileWriteException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static void checkTarget(String target) {
    if (target == null || !TARGET.matcher(target).matches()) {
      throw new DeploymentException(
          "deployment target '"
              + target
              + "' is not a valid name; use letters, digits, '.', '_'"
              + " or '-' (up to 64, starting with a letter or digit), e.g. production");
    }
  }

  private interface IoAction<T> {
    T run() throws IOException;
  }

  private <T> T locked(IoAction<T> action) {
    synchronized (MONITORS.computeIfAbsent(dir, d -> new Object())) {
      try {
        Files.createDirectories(dir);
        try (FileChannel channel =
            FileChannel.open(
                dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
          FileLock lock = channel.lock();
          try {
            return action.run();
          } finally {
            lock.release();
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
