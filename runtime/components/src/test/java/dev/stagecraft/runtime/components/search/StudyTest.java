package dev.stagecraft.runtime.components.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class StudyTest {
  private static final ParameterSpace SPACE =
      ParameterSpace.of(
          new Parameter.FloatRange("x", -5, 10, false),
          new Parameter.FloatRange("y", 0, 15, false),
          new Parameter.Categorical("c", List.of("a", "b", "c")));

  private static double f(Map<String, Object> p) {
    double x = (Double) p.get("x");
    double y = (Double) p.get("y");
    return (x - 1) * (x - 1) + (y - 4) * (y - 4) + (p.get("c").equals("b") ? 0 : 3);
  }

  private static Study study(int batchSize) {
    return new Study(
        new TpeSampler(SPACE, 21), MedianPruner.DEFAULTS, Direction.MINIMIZE, 40, batchSize);
  }

  /** Reports two steps per trial and prunes when told to, as a cross-validation would. */
  private static void evaluate(Study study, Trial t) {
    double v = f(t.params());
    if (study.report(t, v * 1.1)) {
      study.prune(t);
      return;
    }
    study.report(t, v);
    study.tell(t, v);
  }

  private static List<FinishedTrial> inOrder(int batchSize) {
    Study study = study(batchSize);
    for (List<Trial> batch = study.askBatch(); !batch.isEmpty(); batch = study.askBatch()) {
      batch.forEach(t -> evaluate(study, t));
    }
    return study.trials();
  }

  @Test
  void batchesGiveTheSameTrialsWhateverOrderTheirTrialsFinishIn() throws Exception {
    List<FinishedTrial> sequential = inOrder(4);
    Study reversed = study(4);
    for (List<Trial> batch = reversed.askBatch(); !batch.isEmpty(); batch = reversed.askBatch()) {
      List<Trial> backwards = new ArrayList<>(batch);
      Collections.reverse(backwards);
      backwards.forEach(t -> evaluate(reversed, t));
    }
    assertEquals(sequential, reversed.trials());

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Study parallel = study(4);
      for (List<Trial> batch = parallel.askBatch(); !batch.isEmpty(); batch = parallel.askBatch()) {
        List<Future<?>> running = new ArrayList<>();
        batch.forEach(t -> running.add(pool.submit(() -> evaluate(parallel, t))));
        for (Future<?> r : running) {
          r.get();
        }
      }
      assertEquals(sequential, parallel.trials());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(40, sequential.size());
  }

  @Test
  void aBatchSizeOfOneSeesEveryEarlierTrial() {
    Study one = study(1);
    for (Optional<Trial> t = one.ask(); t.isPresent(); t = one.ask()) {
      evaluate(one, t.get());
    }
    assertEquals(inOrder(1), one.trials());
  }

  @Test
  void askRefusesToStartABatchWhileAnEarlierTrialRuns() {
    Study study = study(2);
    Trial first = study.ask().orElseThrow();
    study.ask().orElseThrow();
    IllegalStateException e = assertThrows(IllegalStateException.class, study::ask);
    assertEquals(
        "trial 2 is proposed from trials 0 to 1 (batch size 2), which have not all finished; tell"
            + " or prune them first",
        e.getMessage());
    study.tell(first, 1.0);
    assertThrows(IllegalStateException.class, () -> study.tell(first, 2.0));
  }

  @Test
  void trialsOfAnotherStudyAreRefused() {
    Study study = study(1);
    Trial foreign = new Trial(0, Map.of("x", 0.0, "y", 0.0, "c", "a"));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> study.tell(foreign, 1.0));
    assertEquals("trial 0 was not handed out by this study", e.getMessage());
  }

  @Test
  void gridSearchEndsWhenTheGridIsWalked() {
    Study study =
        new Study(new GridSampler(SPACE, 100, 0), Pruner.NEVER, Direction.MINIMIZE, 100, 1);
    int count = 0;
    for (Optional<Trial> t = study.ask(); t.isPresent(); t = study.ask()) {
      study.tell(t.get(), f(t.get().params()));
      count++;
    }
    assertEquals(27, count);
    assertEquals(
        Map.of("x", 2.5, "y", 7.5, "c", "b"), Map.copyOf(study.best().orElseThrow().params()));
  }
}
