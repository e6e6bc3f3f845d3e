package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.io.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scratch space of one run, created on first use: {@code ROOT/RUN_ID/INSTANCE} when the run has
 * a scratch root (a store gives {@code STORE/scratch}), else a new private temporary directory of
 * this user ({@code stagecraft-RUN_ID-...} in {@code java.io.tmpdir}, readable only by its owner).
 * Nothing is shared between runs or users. It is removed when the run succeeds and kept, for
 * debugging, when it does not.
 */
final class RunScratch {
  private static final Logger LOG = LoggerFactory.getLogger(RunScratch.class);

  private final Optional<Path> root;
  private final String runId;
  private Path dir;

  RunScratch(Optional<Path> root, String runId) {
    this.root = root;
    this.runId = runId;
  }

  /** The directory of one execution, created when absent. */
  synchronized Path of(String instance) {
    Path path = runDirectory().resolve(safe(instance));
    try {
      return Files.createDirectories(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the scratch directory " + path, e);
    }
  }

  /** The run's directory, if a stage asked for scratch space. */
  synchronized Optional<Path> directory() {
    return Optional.ofNullable(dir);
  }

  /** Removes the run's scratch space when it succeeded; otherwise says where it was kept. */
  void finish(RunStatus status) {
    Path used = directory().orElse(null);
    if (used == null) {
      return;
    }
    if (status != RunStatus.SUCCEEDED) {
      LOG.debug("run {} ended {}: its scratch space is kept in {}", runId, status, used);
      return;
    }
    try {
      FileTrees.delete(used);
    } catch (IOException e) {
      LOG.warn("could not remove the scratch space {} of run {}: {}", used, runId, e.toString());
    }
  }

  private Path runDirectory() {
    if (dir == null) {
      String name = safe(runId);
      try {
        dir =
            root.isPresent()
                ? Files.createDirectories(root.get().resolve(name))
                : Files.createTempDirectory("stagecraft-" + name + "-");
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot create the scratch directory of run "
                + runId
                + root.map(r -> " in " + r).orElse(" in " + System.getProperty("java.io.tmpdir")),
            e);
      }
    }
    return dir;
  }

  /** A name safe as one path segment. */
  static String safe(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._\\-\\[\\]]", "_");
    return safe.isEmpty() || safe.equals(".") || safe.equals("..") ? "_" + safe : safe;
  }
}
