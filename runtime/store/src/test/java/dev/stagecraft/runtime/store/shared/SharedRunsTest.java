package dev.stagecraft.runtime.store.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.PipelineFingerprint;
import dev.stagecraft.runtime.graph.StageSpec;
import dev.stagecraft.runtime.store.StoreReader;
import dev.stagecraft.runtime.store.history.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history of exported runs as files that many writers share: records written at the same
 * instant all arrive, a writer killed before its rename leaves nothing a reader sees, and readers
 * import the records into history with the status their stages give the run.
 */
@Timeout(60)
class SharedRunsTest {
  private static final String RUN = "fanout-x1";
  private static final int INSTANCES = 16;

  @TempDir Path store;

  private static SharedRun run() {
    PipelineDefinition def =
        PipelineDefinition.builder("fanout")
            .stage(
                StageSpec.builder("train")
                    .outputType("int")
                    .fanOut(new FanOut.Items(IntStream.range(0, INSTANCES).boxed().toList()))
                    .body(call -> 1)
                    .build())
            .build();
    return new SharedRun(
        RUN, "fanout", Map.of(), Map.of(), Map.of(), 1_000L, PipelineFingerprint.of(def).text());
  }

  private static StageRecord succeeded(String stage, int index) {
    Instant start = Instant.ofEpochMilli(2_000L + index);
    StageExecution e =
        StageExecution.builder(stage + "[" + index + "]", stage)
            .index(index)
            .item(Integer.toString(index))
            .status(StageStatus.SUCCEEDED)
            .attempts(1)
            .start(start)
            .end(start.plusMillis(5))
            .wallMs(5)
            .build();
    return StageRecord.of(e, Optional.empty(), List.of(), List.of(), Optional.empty());
  }

  @Test
  void fanOutInstancesFinishingAtTheSameInstantAllAppearInHistory() throws Exception {
    SharedRuns runs = new SharedRuns(store);
    runs.begin(run());
    int instances = INSTANCES;
    CyclicBarrier sameInstant = new CyclicBarrier(instances);
    ExecutorService pool = Executors.newFixedThreadPool(instances);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        int index = i;
        writers.add(
            pool.submit(
                () -> {
                  // each writer has its own SharedRuns, as each pod has its own process
                  SharedRuns own = new SharedRuns(store);
                  sameInstant.await(10, TimeUnit.SECONDS);
                  own.record(RUN, succeeded("train", index));
                  return null;
                }));
      }
      for (Future<?> w : writers) {
        w.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    runs.end(RUN, 9_000L);

    assertEquals(instances, runs.records(RUN).size());
    RunRecord record = StoreReader.open(store).queries().run(RUN).orElseThrow();
    assertEquals(RunStatus.SUCCEEDED, record.status());
    Map<String, StageStatus> statuses = new TreeMap<>();
    record.stages().forEach(s -> statuses.put(s.instance(), s.status()));
    assertEquals(instances, statuses.size(), statuses.toString());
    assertTrue(statuses.values().stream().allMatch(s -> s == StageStatus.SUCCEEDED));
  }

  @Test
  void aWriterKilledBeforeItsRenameLeavesNothingAReaderSees() throws Exception {
    SharedRuns runs = new SharedRuns(store);
    runs.begin(run());
    runs.record(RUN, succeeded("train", 0));
    Path stages = store.resolve(SharedRuns.RUNS_DIR).resolve(RUN).resolve("stages");
    // what AtomicFile leaves when its process dies between writing the temporary file and the
    // rename
    Files.writeString(stages.resolve(".train%5B1%5D.json.4711.tmp"), "{\"instance\":\"train[1");

    assertEquals(List.of("train[0]"), List.copyOf(runs.records(RUN).keySet()));
    assertFalse(runs.record(RUN, "train[1]").isPresent());
    RunRecord record = StoreReader.open(store).queries().run(RUN).orElseThrow();
    assertEquals(1, record.stages().size());
    assertTrue(record.status() != RunStatus.INTERRUPTED, record.status().toString());

    runs.record(RUN, succeeded("train", 1));
    assertEquals(2, runs.records(RUN).size());
  }
}
