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
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
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
 * Model versions per model and deployment target, in a directory (the store passes {@code
 * .stagecraft/registry}). Targets belong to a model, so the {@code production} of one model never
 * holds another's:
 *
 * <pre>
 * DIR/MODEL/production/versions/000001.model   the model, Tribuo's format
 * DIR/MODEL/production/versions/000001.json    its {@link Deployment} record (run, stage, data set)
 * DIR/MODEL/production/current                 the version in service, e.g. "2"
 * </pre>
 *
 * <p>Deploying writes the version's files (each to a temporary file first, then moved into place)
 * and only then replaces {@code current} by an atomic move, so a reader sees either the old or the
 * new version and a crash never leaves a half-written one in service. Before anything is written
 * the caller's check runs (a stage passes {@code StageContext.ensureRecorded}), so a run that
 * cannot be recorded publishes nothing. Every version is kept with the run, stage and data set that
 * produced it; a rollback points {@code current} back to the version that was in service before.
 * Changes are serialized within the JVM and, through a file lock, between processes.
 *
 * <p>Targets written before models had names ({@code DIR/TARGET/versions}) belong to the model
 * {@value #DEFAULT_MODEL}.
 */
public final class ModelRegistry {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final ConcurrentHashMap<Path, Object> MONITORS = new ConcurrentHashMap<>();
  private static final String CURRENT = "current";
  private static final String VERSIONS = "versions";
  private static final String LOCK = ".lock";

  /** The model of targets written before models had names (directly in the registry). */
  public static final String DEFAULT_MODEL = "default";

  /** The registry's directory name inside a store directory. */
  public static final String STORE_SUBDIRECTORY = "registry";

  private final Path dir;
  private final Clock clock;
  private final ObjectMapper json = JsonMappers.indented();

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

  /**
   * Checks that models can be deployed here, creating the directory when absent: what a pipeline
   * checks with its other settings, before training.
   *
   * @throws DeploymentException when the directory is a file, cannot be created, or cannot be
   *     written: one line saying which and how to fix it
   */
  public void checkWritable() {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new DeploymentException(
          "the model registry "
              + dir
              + " is a file, not a directory; name a directory (created when absent) with -p"
              + " registryDir=DIR, or leave registryDir empty for STORE/registry");
    }
    try {
      Files.createDirectories(dir);
      if (!Files.isWritable(dir)) {
        throw new AccessDeniedException(dir.toString());
      }
      try (FileChannel channel =
          FileChannel.open(
              dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        channel.size();
      }
    } catch (IOException e) {
      throw unwritable(e);
    }
  }

  /**
   * Deploys a trained model as the next version of {@code model}'s {@code target} and makes it
   * current, after {@code ctx.ensureRecorded()} (the run is recorded and still this process's).
   *
   * @param stage the stage (instance) that trained it, e.g. {@code train[1]}
   * @param dataSet the data set it was trained on
   */
  public Deployment deploy(
      TrainedModel trained,
      String model,
      String target,
      String stage,
      String dataSet,
      StageContext ctx) {
    checkTarget(target, ctx);
    if (trained.model() == null) {
      throw new DeploymentException(
          "trained "
              + trained.modelType()
              + " has no Tribuo model to deploy (it was read without"
              + " its model file)");
    }
    return deploy(
        TribuoModels.toBytes(trained.model()),
        trained.modelType(),
        trained.accuracy(),
        model,
        target,
        new ModelSource(ctx.runId(), stage, dataSet),
        ctx::ensureRecorded);
  }

  /**
   * Refuses a target the run may not deploy to: on a pipeline server, one not in its tenant's
   * {@code deploymentTargets}.
   *
   * @throws DeploymentException naming the tenant, the target and the targets it may use
   */
  static void checkTarget(String target, StageContext ctx) {
    java.util.Optional<java.util.Set<String>> allowed = ctx.deploymentTargets();
    if (allowed.isPresent() && !allowed.get().contains(target)) {
      throw new DeploymentException(
          ctx.tenant().map(t -> "tenant '" + t + "'").orElse("this run")
              + " may not deploy to '"
              + target
              + "' (its deploymentTargets: "
              + (allowed.get().isEmpty()
                  ? "none"
                  : String.join(", ", new java.util.TreeSet<>(allowed.get())))
              + ")");
    }
  }

  /**
   * Deploys a model's bytes as the next version of {@code model}'s {@code target} and makes it
   * current. {@code beforePublishing} runs under the registry's lock before anything is written; if
   * it throws, nothing is deployed.
   *
   * @param accuracy the model's held-out accuracy, or {@code null}
   * @throws DeploymentException when the model or target name is not valid, or the registry cannot
   *     be written
   */
  public Deployment deploy(
      byte[] modelBytes,
      String modelType,
      Double accuracy,
      String model,
      String target,
      ModelSource source,
      Runnable beforePublishing) {
    checkName("model", model);
    checkName("deployment target", target);
    return locked(
        () -> {
          beforePublishing.run();
          Path versions = targetDir(model, target).resolve(VERSIONS);
          Files.createDirectories(versions);
          Integer previous = readCurrent(model, target);
          int version =
              versions(model, target).stream().mapToInt(Deployment::version).max().orElse(0) + 1;
          while (Files.exists(modelFile(model, target, version))) {
            version++; // a model file without its record: an interrupted deploy; never reuse it
          }
          Deployment deployment =
              new Deployment(
                  model,
                  target,
                  version,
                  source.runId(),
                  source.stage(),
                  source.dataSet(),
                  modelType,
                  accuracy,
                  Sha256.hexOf(modelBytes),
                  modelBytes.length,
                  clock.instant().toString(),
                  previous);
          writeAtomically(modelFile(model, target, version), modelBytes);
          writeAtomically(recordFile(model, target, version), json.writeValueAsBytes(deployment));
          writeCurrent(model, target, version);
          return deployment;
        });
  }

  /**
   * Points {@code model}'s {@code target} back at the version that was current before its current
   * one.
   *
   * @return the version now current
   * @throws DeploymentException when the target has nothing to roll back to
   */
  public Deployment rollback(String model, String target) {
    checkName("model", model);
    checkName("deployment target", target);
    return locked(
        () -> {
          String targets = describeTargets();
          Deployment current =
              current(model, target)
                  .orElseThrow(
                      () ->
                          new DeploymentException(
                              "model '"
                                  + model
                                  + "' has no deployment to roll back at target '"
                                  + target
                                  + "' (targets: "
                                  + targets
                                  + ")"));
          if (current.previousVersion() == null) {
            throw new DeploymentException(
                "target '"
                    + target
                    + "' of model '"
                    + model
                    + "' is at its first version "
                    + current.version()
                    + "; there is no earlier version to roll back to");
          }
          writeCurrent(model, target, current.previousVersion());
          return readRecord(model, target, current.previousVersion());
        });
  }

  /** The version in service at {@code model}'s {@code target}, if any. */
  public Optional<Deployment> current(String model, String target) {
    checkName("model", model);
    checkName("deployment target", target);
    try {
      Integer version = readCurrent(model, target);
      return version == null ? Optional.empty() : Optional.of(readRecord(model, target, version));
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /**
   * The Tribuo model in service at {@code model}'s {@code target}.
   *
   * @throws DeploymentException when nothing is deployed there
   */
  public Model<Label> currentModel(String model, String target) {
    Deployment current =
        current(model, target)
            .orElseThrow(
                () ->
                    new DeploymentException(
                        "nothing of model '"
                            + model
                            + "' is deployed to target '"
                            + target
                            + "'; deploy a model first"));
    try (InputStream in = Files.newInputStream(modelFile(model, target, current.version()))) {
      return TribuoModels.read(in);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /** The model file of a version (Tribuo's format; read it with {@code TribuoModels}). */
  public Path modelFile(String model, String target, int version) {
    return targetDir(model, target).resolve(VERSIONS).resolve(String.format("%06d.model", version));
  }

  /** Every model's targets with their versions, by model and target name. */
  public List<TargetState> list() {
    try {
      List<TargetState> states = new ArrayList<>();
      for (String[] mt : modelTargets()) {
        states.add(
            new TargetState(mt[0], mt[1], readCurrent(mt[0], mt[1]), versions(mt[0], mt[1])));
      }
      return states;
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /** The model and target of every target directory, sorted. */
  private List<String[]> modelTargets() throws IOException {
    List<String[]> all = new ArrayList<>();
    for (Path child : children(dir)) {
      String name = child.getFileName().toString();
      if (Files.isDirectory(child.resolve(VERSIONS))) {
        all.add(new String[] {DEFAULT_MODEL, name}); // written before models had names
      } else {
        for (Path target : children(child)) {
          if (Files.isDirectory(target.resolve(VERSIONS))) {
            all.add(new String[] {name, target.getFileName().toString()});
          }
        }
      }
    }
    all.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    return all;
  }

  private static List<Path> children(Path parent) throws IOException {
    if (!Files.isDirectory(parent)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(parent)) {
      return children.filter(Files::isDirectory).sorted().toList();
    }
  }

  private String describeTargets() throws IOException {
    List<String> names = new ArrayList<>();
    for (String[] mt : modelTargets()) {
      names.add(mt[0] + "/" + mt[1]);
    }
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  /** {@code DIR/MODEL/TARGET}; the default model's targets are directly in {@code DIR}. */
  private Path targetDir(String model, String target) {
    return model.equals(DEFAULT_MODEL) ? dir.resolve(target) : dir.resolve(model).resolve(target);
  }

  private List<Deployment> versions(String model, String target) throws IOException {
    Path versions = targetDir(model, target).resolve(VERSIONS);
    if (!Files.isDirectory(versions)) {
      return List.of();
    }
    List<Deployment> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(versions)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        records.add(read(file, model));
      }
    }
    return records;
  }

  private Deployment readRecord(String model, String target, int version) throws IOException {
    return read(recordFile(model, target, version), model);
  }

  private Deployment read(Path file, String model) throws IOException {
    Deployment d = json.readValue(file.toFile(), Deployment.class);
    return d.model() == null ? d.withModel(model) : d;
  }

  private Path recordFile(String model, String target, int version) {
    return targetDir(model, target).resolve(VERSIONS).resolve(String.format("%06d.json", version));
  }

  private Integer readCurrent(String model, String target) throws IOException {
    Path pointer = targetDir(model, target).resolve(CURRENT);
    if (!Files.exists(pointer)) {
      return null;
    }
    return Integer.valueOf(Files.readString(pointer, StandardCharsets.UTF_8).trim());
  }

  private void writeCurrent(String model, String target, int version) throws IOException {
    writeAtomically(
        targetDir(model, target).resolve(CURRENT),
        (version + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void writeAtomically(Path file, byte[] bytes) throws IOException {
    try {
      AtomicFile.writeDurably(file, out -> out.write(bytes));
    } catch (FileWriteException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /**
   * Checks a model or target name.
   *
   * @throws DeploymentException naming {@code what} and the rule
   */
  public static void checkName(String what, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new DeploymentException(
          what
              + " '"
              + name
              + "' is not a valid name; use letters, digits, '.', '_'"
              + " or '-' (up to 64, starting with a letter or digit), e.g. production");
    }
  }

  /**
   * A model or target name made from any text: characters outside letters, digits, '.', '_' and '-'
   * become '_', cut to 64.
   */
  public static String safeName(String text) {
    String safe = text.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.isEmpty() || !Character.isLetterOrDigit(safe.charAt(0))) {
      safe = "m" + safe;
    }
    return safe.length() > 64 ? safe.substring(0, 64) : safe;
  }

  private DeploymentException unwritable(IOException e) {
    String why =
        e instanceof AccessDeniedException
            ? "permission denied"
            : e instanceof java.nio.file.FileAlreadyExistsException
                ? "a file is in the way"
                : e instanceof FileSystemException fs && fs.getReason() != null
                    ? fs.getReason()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
    String file = e instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() : null;
    return new DeploymentException(
        "cannot write the model registry "
            + dir
            + " ("
            + why
            + (file == null || file.equals(dir.toString()) ? "" : ": " + file)
            + "); make it writable, or name another directory with -p registryDir=DIR");
  }

  private DeploymentException unreadable(IOException e) {
    return new DeploymentException(
        "cannot read the model registry " + dir + " (" + e.getMessage() + ")");
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
                dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
          FileLock lock = channel.lock();
          try {
            return action.run();
          } finally {
            lock.release();
          }
        }
      } catch (IOException e) {
        throw unwritable(e);
      }
    }
  }
}
