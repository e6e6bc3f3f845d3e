package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.engine.ResolvedParams;
import dev.stagecraft.runtime.engine.Slice;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.StageSpec;
import dev.stagecraft.runtime.store.StoreException;
import dev.stagecraft.runtime.store.artifact.ArtifactStore;
import dev.stagecraft.runtime.store.shared.SharedRun;
import dev.stagecraft.runtime.store.shared.SharedRuns;
import dev.stagecraft.runtime.store.shared.StageRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the stages of an exported run ended, read from their records on the shared store, with their
 * outputs: a plan-excluded stage is SKIPPED; a fan-out stage is the sum of its instances (each
 * instance's output from the store, in item order), or its record as a whole when it ended without
 * instances. Each stage is read once.
 */
final class UpstreamOutcomes {
  private final PipelineDefinition def;
  private final SharedRun run;
  private final SharedRuns runs;
  private final ArtifactStore artifacts;
  private final ResolvedParams params;
  private final Duration wait;
  private final Map<String, Slice.Upstream> read = new HashMap<>();

  UpstreamOutcomes(
      PipelineDefinition def,
      SharedRun run,
      SharedRuns runs,
      ArtifactStore artifacts,
      ResolvedParams params,
      Duration wait) {
    this.def = def;
    this.run = run;
    this.runs = runs;
    this.artifacts = artifacts;
    this.params = params;
    this.wait = wait;
  }

  /** How every stage {@code spec} reads ended. */
  Map<String, Slice.Upstream> of(StageSpec spec) {
    Map<String, Slice.Upstream> ups = new LinkedHashMap<>();
    for (String up : spec.upstream()) {
      ups.put(up, outcome(up));
    }
    return ups;
  }

  /**
   * How {@code stage} ended.
   *
   * @throws StoreException when its record (or an instance's) does not appear
   */
  Slice.Upstream outcome(String stage) {
    Slice.Upstream known = read.get(stage);
    if (known == null) {
      known = readOutcome(stage);
      read.put(stage, known);
    }
    return known;
  }

  /**
   * How many instances a fan-out stage has, when its items are known: literal ones, a {@code List}
   * parameter's, or the list its input stage returned (empty when that stage has no output).
   */
  int instanceCount(StageSpec spec) {
    FanOut f = spec.fanOut().orElseThrow();
    if (f instanceof FanOut.Items items) {
      return items.items().size();
    }
    if (f instanceof FanOut.FromParam p) {
      return params.values().get(p.param()) instanceof List<?> l ? l.size() : 0;
    }
    Slice.Upstream in = outcome(((FanOut.FromInput) f).stage());
    return in.output() instanceof List<?> l ? l.size() : 0;
  }

  private Slice.Upstream readOutcome(String stage) {
    String reason = run.excluded().get(stage);
    if (reason != null) {
      return new Slice.Upstream(StageStatus.SKIPPED, reason, null);
    }
    StageSpec spec = def.stage(stage).orElseThrow();
    if (spec.fanOut().isEmpty()) {
      return upstream(required(stage));
    }
    Optional<StageRecord> whole = runs.record(run.runId(), stage);
    if (whole.isPresent()) {
      StageRecord r = whole.get();
      return new Slice.Upstream(r.status(), r.reason(), r.status().hasOutput() ? List.of() : null);
    }
    int n = instanceCount(spec);
    List<Object> outputs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StageRecord r = required(stage + "[" + i + "]");
      if (!r.status().hasOutput()) {
        return new Slice.Upstream(
            r.status(), "instance " + r.instance() + " " + r.status() + ": " + r.reason(), null);
      }
      outputs.add(upstream(r).output());
    }
    return new Slice.Upstream(
        StageStatus.SUCCEEDED, "", java.util.Collections.unmodifiableList(outputs));
  }

  private StageRecord required(String instance) {
    return runs.awaitRecord(run.runId(), instance, wait)
        .orElseThrow(
            () ->
                new StoreException(
                    "stage "
                        + instance
                        + " of run "
                        + run.runId()
                        + " has no record in the store: its pod ended without one; see"
                        + " 'argo get' and its pod's log"));
  }

  private Slice.Upstream upstream(StageRecord r) {
    Object output =
        r.status().hasOutput() && r.output() != null
            ? artifacts.get(r.output().toArtifactRef(), Object.class)
            : null;
    return new Slice.Upstream(r.status(), r.reason(), output);
  }
}
