package dev.stagecraft.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.engine.RunInfo;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.store.history.Executions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageOutputsTest {
  record Prepared(List<Double> values) {}

  private static final Instant T0 = Instant.parse("2026-05-06T07:08:09Z");

  @TempDir Path dir;

  @Test
  void aMissIsCachedOnSaveAndAHitIsLinkedToTheNextRun() {
    try (Store store = Store.open(dir)) {
      StageOutputs outputs = new StageOutputs(store);
      Map<String, Object> inputs = Map.of("ingest", List.of(1, 2, 3));
      Map<String, Object> params = Map.of("scale", true);
      store.history().runStarted(new RunInfo("r1", "p", Map.of(), T0, Optional.empty()));
      assertEquals(Optional.empty(), outputs.lookup("r1", "p", "prep", "prep", "1", inputs, params, Optional.empty()));
      outputs.save("r1", "p", "prep", "prep", new Prepared(List.of(0.5)));
      store.history().stageFinished("r1", Executions.of("prep", StageStatus.SUCCEEDED, T0, 3));
      store.history().runFinished("r1", RunStatus.SUCCEEDED, T0.plusSeconds(1));

      store.history().runStarted(new RunInfo("r2", "p", Map.of(), T0.plusSeconds(5), Optional.empty()));
      StageOutputs.Cached hit = outputs.lookup("r2", "p", "prep", "prep", "1", inputs, params, Optional.empty()).orElseThrow();
      assertEquals(new Prepared(List.of(0.5)), hit.value());
      store.history().stageFinished("r2", Executions.of("prep", StageStatus.CACHED, T0, 0));
      store.history().runFinished("r2", RunStatus.SUCCEEDED, T0.plusSeconds(6));
      assertEquals(Map.of("prep", new Prepared(List.of(0.5))), store.loadOutputs("r2"));

      assertEquals(Optional.empty(), outputs.lookup("r3", "p", "prep", "prep", "2", inputs, params, Optional.empty()),
          "a new version misses");
      assertEquals(Optional.empty(), outputs.lookup("r3", "p", "prep", "prep", "1", Map.of("ingest", List.of(1, 2)),
          params, Optional.empty()), "other inputs miss");
    }
  }

  @Test
  void anUnstorableOutputFailsWithTheInstanceName() {
    try (Store store = Store.open(dir)) {
      StageOutputs outputs = new StageOutputs(store);
      UnstorableOutputException e = assertThrows(UnstorableOutputException.class,
          () -> outputs.save("r", "p", "train", "train[2]", new Object()));
      assertTrue(e.getMessage().startsWith("the output of stage 'train[2]' of type java.lang.Object cannot be stored: "),
          e.getMessage());
    }
  }
}
