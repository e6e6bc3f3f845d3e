package dev.stagecraft.runtime.store.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.store.db.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionsTest {
  @TempDir Path dir;

  private static Submission queued(String id, long at) {
    return new Submission(
        id,
        "diamond",
        "{\"pipeline\":\"diamond\"}",
        1,
        Instant.ofEpochMilli(at),
        SubmissionState.QUEUED,
        Optional.empty());
  }

  @Test
  void aSubmissionIsReadBackAfterTheDatabaseIsOpenedAgain() {
    Database db = Database.open(dir.resolve("stagecraft.db"));
    try (Submissions s = new Submissions(db)) {
      s.add(queued("b", 2000));
      s.add(queued("a", 1000));
      s.started("a", "a");
    }
    Submissions again = new Submissions(Database.open(dir.resolve("stagecraft.db")));
    List<Submission> unfinished = again.unfinished();
    assertEquals(List.of("a", "b"), unfinished.stream().map(Submission::id).toList());
    assertEquals(SubmissionState.STARTED, unfinished.get(0).state());
    assertEquals(Optional.of("a"), unfinished.get(0).runId());
    assertEquals(SubmissionState.QUEUED, unfinished.get(1).state());
    assertEquals("{\"pipeline\":\"diamond\"}", unfinished.get(1).request());
  }

  @Test
  void aResumedSubmissionIsFoundByItsIdAndByTheRunCarryingItOn() {
    try (Submissions s = new Submissions(Database.open(dir.resolve("stagecraft.db")))) {
      s.add(queued("first", 1000));
      s.started("first", "first");
      s.started("first", "second");
      assertEquals("second", s.find("first").orElseThrow().runId().orElseThrow());
      assertEquals("first", s.find("second").orElseThrow().id());
      assertTrue(s.find("third").isEmpty());
      s.ended("first", Instant.ofEpochMilli(5000));
      assertTrue(s.unfinished().isEmpty());
      assertEquals(SubmissionState.ENDED, s.find("first").orElseThrow().state());
    }
  }
}
