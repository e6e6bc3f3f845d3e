package dev.stagecraft.runtime.store.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The heap sampler's attribution, samples taken by hand on a heap whose use the test sets. */
class HeapSamplerTest {
  private final AtomicLong used = new AtomicLong();
  private final HeapSampler sampler = new HeapSampler(used::get, Duration.ZERO);

  @Test
  void theHeapBeyondTheBaselineIsSharedAmongTheRunningInstances() {
    used.set(100);
    sampler.started("r", "a");
    sampler.sample(); // the baseline: 100
    used.set(160);
    sampler.sample(); // a alone: 60
    sampler.started("r", "b");
    used.set(300);
    sampler.sample(); // 200 beyond the baseline, 100 each
    used.set(180);
    sampler.sample(); // 80 shared: 40 each, below both peaks

    assertEquals(OptionalLong.of(100), sampler.finished("r", "a"));
    used.set(250);
    sampler.sample(); // b alone: 150
    assertEquals(OptionalLong.of(150), sampler.finished("r", "b"));
  }

  @Test
  void anInstanceNoSampleSawIsNotMeasured() {
    used.set(100);
    sampler.started("r", "a");
    sampler.sample(); // only the baseline
    assertEquals(OptionalLong.empty(), sampler.finished("r", "a"));
    assertEquals(OptionalLong.empty(), sampler.finished("r", "never-started"));
  }

  @Test
  void aNewBaselineIsTakenAfterATimeWithNothingRunning() {
    used.set(100);
    sampler.started("r", "a");
    sampler.sample();
    used.set(500);
    sampler.sample();
    assertEquals(OptionalLong.of(400), sampler.finished("r", "a"));

    used.set(900); // garbage left behind: the next stage starts from here
    sampler.started("r", "b");
    sampler.sample();
    used.set(950);
    sampler.sample();
    assertEquals(OptionalLong.of(50), sampler.finished("r", "b"));
  }
}
