package dev.stagecraft.examples.server;

import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.store.StoreReader;
import dev.stagecraft.runtime.store.history.RunRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run resumed after a server's restart did with the stages its interrupted run had finished,
 * read from the tenant's store: each of them must be CACHED (reused), never executed again.
 *
 * @param finishedBefore the stages the interrupted run had finished (SUCCEEDED)
 * @param ranAgain those of them the resumed run did not reuse
 */
public record ResumedRun(List<String> finishedBefore, List<String> ranAgain) {
  /** Reads run {@code resumedRunId} and the run it resumed from the store at {@code store}. */
  public static ResumedRun read(Path store, String resumedRunId) {
    StoreReader reader = StoreReader.open(store);
    RunRecord after = reader.queries().run(resumedRunId).orElseThrow();
    RunRecord before = reader.queries().run(after.resumedFrom().orElseThrow()).orElseThrow();
    Map<String, StageStatus> statusAfter = new HashMap<>();
    for (StageExecution s : after.stages()) {
      statusAfter.put(s.instance(), s.status());
    }
    List<String> finished = new ArrayList<>();
    List<String> again = new ArrayList<>();
    for (StageExecution s : before.stages()) {
      if (s.status() == StageStatus.SUCCEEDED) {
        finished.add(s.instance());
        if (statusAfter.get(s.instance()) != StageStatus.CACHED) {
          again.add(s.instance());
        }
      }
    }
    return new ResumedRun(finished, again);
  }
}
