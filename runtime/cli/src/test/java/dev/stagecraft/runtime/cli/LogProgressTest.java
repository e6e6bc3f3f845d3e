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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogProgressTest {
  @Test
  void aLineThatIsNotAsciiGoesThroughTheStreamsCharsetAndAsciiLinesReadTheSame() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LogProgress log = new LogProgress(new PrintStream(bytes, true, StandardCharsets.ISO_8859_1));
    log.stageStarted("r1", "größe", 1, Instant.parse("2026-01-02T03:04:05Z"));
    log.stageStarted("r1", "plain", 1, Instant.parse("2026-01-02T03:04:05Z"));
    List<String> lines = bytes.toString(StandardCharsets.ISO_8859_1).lines().toList();
    assertTrue(lines.get(0).endsWith("] größe started"), lines.toString());
    assertTrue(lines.get(1).endsWith("] plain started"), lines.toString());
    assertEquals(2, lines.size(), lines.toString());
  }

  @Test
  void eachEventIsOneLineWithTheSecondsSinceTheStartPaddedToSevenCharacters() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LogProgress log = new LogProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    Instant t0 = Instant.parse("2026-01-02T03:04:05Z");
    log.runStarted(new RunInfo("r1", "p", Map.of(), t0, Optional.empty()));
    log.stageStarted("r1", "train", 2, t0);
    log.stageFinished(
        "r1",
        StageExecution.builder("train", "train")
            .status(StageStatus.FAILED)
            .attempts(2)
            .start(t0)
            .end(t0)
            .wallMs(12)
            .reason("boom")
            .build());
    log.runFinished("r1", RunStatus.FAILED, t0);
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    List<String> texts =
        List.of(
            "run r1 of 'p' started",
            "train started (attempt 2)",
            "train FAILED in 12 ms: boom",
            "run r1 FAILED");
    assertEquals(texts.size(), lines.size(), lines.toString());
    for (int i = 0; i < texts.size(); i++) {
      String line = lines.get(i);
      assertTrue(
          line.matches("\\[ {3}\\d\\.\\d\\ds\\] " + java.util.regex.Pattern.quote(texts.get(i))),
          line);
    }
  }
}
