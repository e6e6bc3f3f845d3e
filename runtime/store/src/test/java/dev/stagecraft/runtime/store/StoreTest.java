package dev.stagecraft.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.engine.RunInfo;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.store.artifact.ArtifactRef;
import dev.stagecraft.runtime.store.artifact.ArtifactStore;
import dev.stagecraft.runtime.store.cache.CacheKey;
import dev.stagecraft.runtime.store.history.Executions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
  record Model(String name, double accuracy) {}

  private static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");

  /** An output too large to be kept inline: stored as a file. */
  private static final List<String> LARGE = List.of("v".repeat(ArtifactStore.INLINE_BYTES));

  @TempDir Path dir;

  @Test
  void resumeLoadsTheOutputsOfSucceededAndCachedInstancesOnly() throws Exception {
    try (Store store = Store.open(dir)) {
      store.history().runStarted(new RunInfo("r1", "p", Map.of(), T0, Optional.empty()));
      store.saveOutput("r1", "prep", LARGE);
      store.history().stageFinished("r1", Executions.of("prep", StageStatus.SUCCEEDED, T0, 5));
      store.saveOutput("r1", "train[0]", new Model("a", 0.9));
      store
          .history()
          .stageFinished(
              "r1", Executions.instance("train", 0, "a", StageStatus.SUCCEEDED, T0, 5, Map.of()));
      ArtifactRef cachedRef = store.saveOutput("r1", "train[1]", new Model("b", 0.8));
      store
          .history()
          .stageFinished(
              "r1", Executions.instance("train", 1, "b", StageStatus.CACHED, T0, 0, Map.of()));
      store.history().stageFinished("r1", Executions.of("evaluate", StageStatus.FAILED, T0, 5));
      store.history().runFinished("r1", RunStatus.FAILED, T0.plusSeconds(1));

      assertEquals(
          List.of("prep", "train[0]", "train[1]"), List.copyOf(store.storedOutputs("r1").keySet()));
      assertEquals(cachedRef, store.storedOutputs("r1").get("train[1]"));
    }
    try (Store reopened = Store.open(dir)) {
      Map<String, Object> outputs = reopened.loadOutputs("r1");
      assertEquals(
          Map.of("prep", LARGE, "train[0]", new Model("a", 0.9), "train[1]", new Model("b", 0.8)),
          outputs);
      assertEquals(Map.of(), reopened.loadOutputs("unknown"));
      ArtifactRef prep = reopened.storedOutputs("r1").get("prep");
      Files.delete(dir.resolve("artifacts/objects").resolve(prep.sha256()));
      assertEquals(
          List.of("train[0]", "train[1]"),
          List.copyOf(reopened.loadOutputs("r1").keySet()),
          "an output whose file is gone is not reused");
    }
  }

  @Test
  void anOutputCommittedBeforeItsStageFinishedIsKept() {
    try (Store store = Store.open(dir)) {
      store.history().runStarted(new RunInfo("r", "p", Map.of(), T0, Optional.empty()));
      store.history().stageStarted("r", "a", 1, T0);
      store.history().flush();
      store.saveOutput("r", "a", "from a");
      store.saveOutput("r", "b[0]", "from b");
      store.history().flush();
      assertEquals(Map.of(), store.loadOutputs("r"), "not finished yet: nothing to reuse");
      store.history().stageFinished("r", Executions.of("a", StageStatus.SUCCEEDED, T0, 1));
      store
          .history()
          .stageFinished(
              "r", Executions.instance("b", 0, "1", StageStatus.SUCCEEDED, T0, 1, Map.of()));
      store.history().runFinished("r", RunStatus.SUCCEEDED, T0.plusSeconds(1));
      assertEquals(Map.of("a", "from a", "b[0]", "from b"), store.loadOutputs("r"));
      assertEquals(
          List.of("a", "b[0]"),
          store.queries().run("r").orElseThrow().stages().stream().map(s -> s.instance()).toList());
      assertEquals(
          Executions.of("a", StageStatus.SUCCEEDED, T0, 1),
          store.queries().run("r").orElseThrow().stages().get(0));
    }
  }

  @Test
  void cachedOutputsAreFoundInThisProcessAndAfterReopening() {
    CacheKey key =
        CacheKey.builder("p", "prep", "1")
            .param("n", 3)
            .build(dev.stagecraft.runtime.store.codec.Codecs.standard());
    CacheKey other =
        CacheKey.builder("p", "prep", "2")
            .param("n", 3)
            .build(dev.stagecraft.runtime.store.codec.Codecs.standard());
    ArtifactRef ref;
    try (Store store = Store.open(dir)) {
      assertEquals(Optional.empty(), store.cached(key));
      ref = store.cache(key, "p", "prep", new Model("m", 1.0));
      assertEquals(Optional.of(ref), store.cached(key), "visible before the writer commits");
      assertEquals(Optional.empty(), store.cached(other));
    }
    try (Store reopened = Store.open(dir)) {
      assertEquals(Optional.of(ref), reopened.cached(key));
      assertEquals(
          new Model("m", 1.0), reopened.read(reopened.cached(key).orElseThrow(), Model.class));
    }
  }

  @Test
  void aCacheEntryWhoseArtifactWasDeletedIsAMiss() throws Exception {
    CacheKey key =
        CacheKey.builder("p", "s", "1").build(dev.stagecraft.runtime.store.codec.Codecs.standard());
    try (Store store = Store.open(dir)) {
      ArtifactRef ref = store.cache(key, "p", "s", LARGE);
      Files.delete(dir.resolve("artifacts/objects").resolve(ref.sha256()));
      assertEquals(Optional.empty(), store.cached(key));
      assertEquals(ref, store.cache(key, "p", "s", LARGE), "stored again after the miss");
      assertTrue(Files.isRegularFile(dir.resolve("artifacts/objects").resolve(ref.sha256())));
      assertEquals(Optional.of(ref), store.cached(key));
    }
  }

  @Test
  void smallOutputsAndCacheEntriesAreKeptInTheDatabaseWithoutFiles() throws Exception {
    CacheKey key =
        CacheKey.builder("p", "s", "1").build(dev.stagecraft.runtime.store.codec.Codecs.standard());
    try (Store store = Store.open(dir)) {
      store.history().runStarted(new RunInfo("r", "p", Map.of(), T0, Optional.empty()));
      ArtifactRef ref = store.saveOutput("r", "s", 42L);
      assertTrue(ref.isInline());
      store.cache(key, "p", "s", ref);
      store.history().stageFinished("r", Executions.of("s", StageStatus.SUCCEEDED, T0, 1));
      store.history().runFinished("r", RunStatus.SUCCEEDED, T0.plusSeconds(1));
    }
    try (Store reopened = Store.open(dir);
        java.util.stream.Stream<Path> files = Files.list(dir.resolve("artifacts/objects"))) {
      assertEquals(List.of(), files.toList());
      assertEquals(Map.of("s", 42L), reopened.loadOutputs("r"));
      assertEquals(42L, reopened.read(reopened.cached(key).orElseThrow(), Long.class));
    }
  }

  @Test
  void theDefaultDirectoryIsDotStagecraftWithoutStagecraftHome() {
    String home = System.getenv("STAGECRAFT_HOME");
    Path expected = home == null || home.isBlank() ? Path.of(".stagecraft") : Path.of(home);
    assertEquals(expected, Store.defaultDirectory());
  }

  @Test
  void existsOnlyOnceADatabaseIsThere() {
    assertFalse(Store.exists(dir));
    Store.open(dir).close();
    assertTrue(Store.exists(dir));
    assertTrue(Files.isDirectory(dir.resolve("artifacts/objects")));
  }
}
