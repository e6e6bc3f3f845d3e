package dev.stagecraft.runtime.components.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

class TrainingProgressTest {
  @Test
  void theTimerTellsTheRunningFitsRoundsWhileTheyRun() throws Exception {
    CountDownLatch seen = new CountDownLatch(1);
    AtomicReference<String> told = new AtomicReference<>();
    try (TrainingProgress progress =
        new TrainingProgress(
            message -> {
              if (message.contains("round 40/150")) {
                told.set(message);
                seen.countDown();
              }
            },
            Duration.ofMillis(5))) {
      progress.step("trial 3/16 gradient_boosting");
      IntConsumer first = progress.started(0, "fold 1/3", 150);
      progress.started(2, "fold 3/3", 150).accept(38);
      first.accept(40);
      assertTrue(seen.await(10, TimeUnit.SECONDS), "no message from the timer");
    }
    assertTrue(
        told.get()
            .matches(
                "trial 3/16 gradient_boosting: fold 1/3 round 40/150, fold 3/3 round 38/150;"
                    + " 0m \\d\\ds"),
        told.get());
  }
}
