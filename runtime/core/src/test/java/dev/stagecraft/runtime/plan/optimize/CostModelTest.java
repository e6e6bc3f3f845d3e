package dev.stagecraft.runtime.plan.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.plan.Cost;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Costs worked out by hand. */
class CostModelTest {
  private static final long GIB = 1L << 30;

  @Test
  void computeIsReservedResourcesForEachInstancesHoursStorageForTheRetention() {
    Prices prices = new Prices("EUR", 0.04, 0.005, 2.0, 0.02, 0.01, 15, "test");
    List<CostModel.Work> work =
        List.of(
            // 2 cores, 4 GiB, 1 GPU, two instances of 30 and 15 minutes; 3 GiB stored
            new CostModel.Work(
                new ResourceRequest(2000, 4 * GIB, 1), List.of(1800.0, 900.0), 3 * GIB, 0),
            // half a core, 1 GiB for an hour; 2 GiB read from another pod
            new CostModel.Work(new ResourceRequest(500, GIB, 0), List.of(3600.0), 0, 2 * GIB));

    Cost c = CostModel.of(work, prices);

    // (0.5 + 0.25) h x (2 x 0.04 + 4 x 0.005 + 2.0) + 1 h x (0.5 x 0.04 + 0.005)
    assertEquals(0.75 * 2.1 + 0.025, c.compute(), 1e-12);
    // 3 GiB x 0.02 per month x 15 / 30 days
    assertEquals(0.03, c.storage(), 1e-12);
    assertEquals(0.02, c.network(), 1e-12);
    assertEquals(0.75 * 2.1 + 0.025 + 0.03 + 0.02, c.total(), 1e-12);
    assertEquals("EUR", c.currency());
  }
}
