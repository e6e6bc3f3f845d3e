package dev.stagecraft.runtime.store.history;

import dev.stagecraft.runtime.engine.RunInfo;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.store.Store;
import dev.stagecraft.runtime.store.StoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A child process for {@link TwoProcessStoreTest}: opens the store, says it is ready, waits for the
 * go signal, then records a run of {@code stages} stages (with an artifact per stage), committing
 * often so its transactions interleave with the other process's.
 *
 * <p>Arguments: store directory, run id, number of stages, ready file, go file, and optionally
 * {@code hang}: record the stages but never finish the run (the test kills the process; its lease
 * lasts 1 s without a heartbeat).
 */
public final class HistoryWriterMain {
  private HistoryWriterMain() {}

  public static void main(String[] args) throws Exception {
    Path storeDir = Path.of(args[0]);
    String runId = args[1];
    int stages = Integer.parseInt(args[2]);
    Path ready = Path.of(args[3]);
    Path go = Path.of(args[4]);
    boolean hang = args.length > 5 && args[5].equals("hang");
    try (Store store =
        Store.open(
            storeDir,
            hang
                ? StoreSettings.defaults().withLeaseTimeout(Duration.ofSeconds(1))
                : StoreSettings.defaults().withFlushInterval(Duration.ofMillis(1)))) {
      Files.writeString(ready, runId);
      while (!Files.exists(go)) {
        Thread.sleep(2); // a start barrier, not timing: both processes write at the same time
      }
      Instant t0 = Instant.now();
      store
          .history()
          .runStarted(
              new RunInfo(runId, "pipeline-" + runId, Map.of("who", runId), t0, Optional.empty()));
      for (int i = 0; i < stages; i++) {
        String instance = "stage" + i;
        store.history().stageStarted(runId, instance, 1, t0);
        store.saveOutput(runId, instance, Map.of("run", runId, "index", i));
        store
            .history()
            .stageFinished(
                runId,
                new StageExecution(
                    instance,
                    instance,
                    Optional.empty(),
                    Optional.empty(),
                    StageStatus.SUCCEEDED,
                    1,
                    Optional.of(t0),
                    Optional.of(t0.plusMillis(i)),
                    i,
                    1000L * i,
                    64L * i,
                    Map.of("i", (double) i),
                    "",
                    List.of()));
        if (i % 50 == 0 && !hang) {
          store.history().flush();
        }
      }
      if (hang) {
        Thread.sleep(
            Long.MAX_VALUE); // killed by the test: only the periodic commits save the stages
      }
      store.history().runFinished(runId, RunStatus.SUCCEEDED, Instant.now());
    }
  }
}
