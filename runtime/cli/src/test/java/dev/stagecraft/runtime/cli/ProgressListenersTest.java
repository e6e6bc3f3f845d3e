package dev.stagecraft.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.engine.RunInfo;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.engine.StageStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressListenersTest {
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private List<String> lines() {
    return bytes.toString(StandardCharsets.UTF_8).lines().map(l -> l.substring(11)).toList();
  }

  @Test
  void logLinesCarryProgressAtMostOncePerInterval() {
    LogProgress often = new LogProgress(err, Duration.ZERO);
    often.stageStarted("r", "train[1]", 1, T0);
    often.stageProgress("r", "train[1]", "trial 1/8", T0);
    often.stageProgress("r", "train[1]", "trial 2/8", T0);
    assertEquals(
        List.of("train[1] started", "train[1]: trial 1/8", "train[1]: trial 2/8"), lines());

    bytes.reset();
    LogProgress rarely = new LogProgress(err, Duration.ofHours(1));
    rarely.stageProgress("r", "train[0]", "trial 1/8", T0);
    rarely.stageProgress("r", "train[0]", "trial 2/8", T0);
    rarely.stageProgress("r", "train[1]", "fold 1/3", T0);
    assertEquals(List.of("train[0]: trial 1/8", "train[1]: fold 1/3"), lines());
  }

  @Test
  void theLiveLineShowsARunningStagesLatestMessageUntilItEnds() {
    LiveProgress live = new LiveProgress(err);
    live.runStarted(new RunInfo("r", "p", Map.of(), T0, Optional.empty()));
    live.stageStarted("r", "train[1]", 1, T0);
    live.stageProgress("r", "train[1]", "trial 1/8", T0);
    live.stageProgress("r", "train[1]", "trial 2/8, fold 1/3", T0);
    live.stageStarted("r", "train[0]", 1, T0);
    live.redraw(); // as the ticker does
    String shown = lastRedraw();
    assertTrue(
        shown.startsWith("2 running (train[1]: trial 2/8, fold 1/3, train[0]) | 0 done"), shown);

    live.stageFinished(
        "r",
        StageExecution.builder("train[1]", "train")
            .index(1)
            .status(StageStatus.SUCCEEDED)
            .attempts(1)
            .build());
    live.stageProgress("r", "train[1]", "late", T0);
    live.redraw();
    shown = lastRedraw();
    assertTrue(shown.startsWith("1 running (train[0]) | 1 done"), shown);
    live.runFinished("r", RunStatus.SUCCEEDED, T0);
  }

  private String lastRedraw() {
    String all = bytes.toString(StandardCharsets.UTF_8);
    return all.substring(all.lastIndexOf("\u001b[K") + 3);
  }
}
