package dev.stagecraft.runtime.store.shared;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.runtime.io.AtomicFile;
import dev.stagecraft.runtime.store.StoreException;
import dev.stagecraft.runtime.store.artifact.ArtifactRef;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The records of exported runs under {@code STORE/runs/RUN_ID/}: {@code run.json} (the begin
 * task's), {@code stages/INSTANCE.json} (how each instance ended), {@code attempts/INSTANCE/N.json}
 * (attempts that Argo retried) and {@code end.json} (the exit handler's); and cache entries under
 * {@code STORE/cache/KEY.json}. Every file is written once, atomically and durably; none is updated
 * (see the package's description). Thread-safe.
 */
public final class SharedRuns {
  /** The directory of exported runs inside a store. */
  public static final String RUNS_DIR = "runs";

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path runs;
  private final Path cache;

  /** The exported runs of the store in {@code storeDir}. */
  public SharedRuns(Path storeDir) {
    this.runs = storeDir.resolve(RUNS_DIR);
    this.cache = storeDir.resolve("cache");
  }

  /** Whether the store holds exported runs. */
  public static boolean present(Path storeDir) {
    return Files.isDirectory(storeDir.resolve(RUNS_DIR));
  }

  /** Records the run's start (the begin task; a retry of it writes the same record again). */
  public void begin(SharedRun run) {
    write(runDir(run.runId()).resolve("run.json"), run);
  }

  /** The run's record, if its begin task wrote it. */
  public Optional<SharedRun> run(String runId) {
    return read(runDir(runId).resolve("run.json"), SharedRun.class);
  }

  /**
   * The run's record, waiting up to {@code wait} for it to appear (a file another NFS client
   * created may show a little later).
   *
   * @throws StoreException when it does not appear
   */
  public SharedRun awaitRun(String runId, Duration wait) {
    return await(() -> run(runId), wait)
        .orElseThrow(
            () ->
                new StoreException(
                    "run "
                        + runId
                        + " has no record in "
                        + runs
                        + ": its begin task did not run; submit the whole workflow"));
  }

  /** The ids of every exported run, sorted. */
  public List<String> runIds() {
    if (!Files.isDirectory(runs)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(runs)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("run.json")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new StoreException("cannot list the exported runs in " + runs + " (" + e + ")", e);
    }
  }

  /** Records how an instance ended. */
  public void record(String runId, StageRecord record) {
    write(runDir(runId).resolve("stages").resolve(fileName(record.instance()) + ".json"), record);
  }

  /** How the instance ended, if it is recorded. */
  public Optional<StageRecord> record(String runId, String instance) {
    return read(
        runDir(runId).resolve("stages").resolve(fileName(instance) + ".json"), StageRecord.class);
  }

  /** How the instance ended, waiting up to {@code wait} for the record to appear. */
  public Optional<StageRecord> awaitRecord(String runId, String instance, Duration wait) {
    return await(() -> record(runId, instance), wait);
  }

  /** Every recorded instance of the run, by instance name. */
  public Map<String, StageRecord> records(String runId) {
    Map<String, StageRecord> records = new LinkedHashMap<>();
    Path dir = runDir(runId).resolve("stages");
    for (Path f : jsonFiles(dir)) {
      read(f, StageRecord.class).ifPresent(r -> records.put(r.instance(), r));
    }
    return records;
  }

  /** Records an attempt that failed and is retried elsewhere. */
  public void attemptFailed(String runId, String instance, StageRecord.AttemptRecord attempt) {
    write(
        runDir(runId)
            .resolve("attempts")
            .resolve(fileName(instance))
            .resolve(attempt.attempt() + ".json"),
        attempt);
  }

  /** The attempts of the instance that failed and were retried, in order. */
  public List<StageRecord.AttemptRecord> failedAttempts(String runId, String instance) {
    List<StageRecord.AttemptRecord> attempts = new ArrayList<>();
    for (Path f : jsonFiles(runDir(runId).resolve("attempts").resolve(fileName(instance)))) {
      read(f, StageRecord.AttemptRecord.class).ifPresent(attempts::add);
    }
    attempts.sort(java.util.Comparator.comparingInt(StageRecord.AttemptRecord::attempt));
    return attempts;
  }

  /** Records the run's end (the exit handler). */
  public void end(String runId, long endMillis) {
    write(runDir(runId).resolve("end.json"), Map.of("end", endMillis));
  }

  /** When the run ended, if its exit handler ran. */
  @SuppressWarnings("unchecked")
  public Optional<Long> ended(String runId) {
    return read(runDir(runId).resolve("end.json"), Map.class)
        .map(m -> ((Number) ((Map<String, Object>) m).get("end")).longValue());
  }

  /** The artifact cached under a cache key, if any. */
  public Optional<ArtifactRef> cached(String key) {
    return read(cache.resolve(key + ".json"), StageRecord.OutputRef.class)
        .map(StageRecord.OutputRef::toArtifactRef);
  }

  /** Caches an artifact under a key. */
  public void cache(String key, ArtifactRef ref) {
    write(cache.resolve(key + ".json"), StageRecord.OutputRef.of(ref));
  }

  private Path runDir(String runId) {
    if (runId.isEmpty() || runId.contains("/") || runId.startsWith(".")) {
      throw new IllegalArgumentException("'" + runId + "' is not a run id");
    }
    return runs.resolve(runId);
  }

  /** An instance name as a file name: {@code train[1]} is {@code train%5B1%5D}. */
  private static String fileName(String instance) {
    return URLEncoder.encode(instance, StandardCharsets.UTF_8);
  }

  private static List<Path> jsonFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new StoreException("cannot list " + dir + " (" + e + ")", e);
    }
  }

  private static void write(Path file, Object value) {
    try {
      Files.createDirectories(file.getParent());
      byte[] bytes = JSON.writeValueAsBytes(value);
      AtomicFile.writeDurably(file, out -> out.write(bytes));
    } catch (IOException | RuntimeException e) {
      throw new StoreException(
          "cannot write "
              + file
              + " ("
              + e.getMessage()
              + "); check that the store's volume is"
              + " mounted read-write",
          e);
    }
  }

  private static <T> Optional<T> read(Path file, Class<T> type) {
    try {
      return Optional.of(JSON.readValue(Files.readAllBytes(file), type));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StoreException("cannot read the record " + file + " (" + e.getMessage() + ")", e);
    }
  }

  private static <T> Optional<T> await(
      java.util.function.Supplier<Optional<T>> read, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    long pause = 50;
    while (true) {
      Optional<T> found = read.get();
      if (found.isPresent() || System.nanoTime() >= deadline) {
        return found;
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return found;
      }
      pause = Math.min(1000, pause * 2);
    }
  }
}
