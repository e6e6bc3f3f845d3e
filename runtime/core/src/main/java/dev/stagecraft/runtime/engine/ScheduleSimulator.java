package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A run of the scheduler in simulated time: stages take the durations given instead of running, and
 * everything else is what a run does — dependency counters, excluded stages ending first, fan-out
 * stages expanding into their instances (at most their parallelism at once), reservations within
 * the capacity and the thread bound, and the choice of what starts next by the engine's own {@link
 * SchedulingPolicy} on the same critical-path ranks a run computes from its expected durations. The
 * plan's predicted makespan is this simulation on the predicted durations.
 *
 * <pre>{@code
 * Schedule s = ScheduleSimulator.simulate(definition, Map.of("a", List.of(2.0), "b", List.of(3.0)),
 *     Map.of("a", 2.0, "b", 3.0), ResourceRequest.parse("2", "8Gi", 0),
 *     RunOptions.DEFAULT_MAX_THREADS, ScheduleSimulator.Order.ENGINE);
 * s.makespanSeconds();
 * }</pre>
 */
public final class ScheduleSimulator {
  private ScheduleSimulator() {}

  /** Which ready work starts first. */
  public enum Order {
    /** The engine's {@link SchedulingPolicy}: most critical first. */
    ENGINE,
    /** First in, first out: in the order work became ready, for comparison with the engine's. */
    FIFO
  }

  /**
   * When one stage instance ran in the simulation.
   *
   * @param instance {@code train} or {@code train[1]}
   */
  public record Slot(String instance, double start, double end) {
    public Slot {
      Objects.requireNonNull(instance, "instance");
    }
  }

  /**
   * A simulated run: when the last instance ended, and every instance's slot in start order.
   *
   * @param makespanSeconds the end of the last instance (0 when nothing ran)
   */
  public record Schedule(double makespanSeconds, List<Slot> slots) {
    public Schedule {
      slots = List.copyOf(slots);
    }
  }

  /**
   * Simulates a run of {@code def}.
   *
   * @param def the definition as it runs: each stage's resources and parallelism as planned
   * @param seconds each stage's instance durations by stage name: one value for a plain stage, one
   *     per instance of a fan-out stage (none: it expands into no instance); a stage absent from
   *     the map is excluded, so it ends at the start without running, as a plan's exclusion does
   * @param expected the expected durations that weigh the critical path, as a run is given them
   *     ({@link RunOptions#expectedDurations()})
   * @param capacity what stages reserve from
   * @param maxThreads the most instances running at once ({@link RunOptions#maxThreads()})
   * @throws IllegalArgumentException when a stage can never fit the capacity
   */
  public static Schedule simulate(
      PipelineDefinition def,
      Map<String, List<Double>> seconds,
      Map<String, Double> expected,
      ResourceRequest capacity,
      int maxThreads,
      Order order) {
    return new Simulation(def, seconds, expected, capacity, maxThreads, order).run();
  }

  /** Work waiting to start: an expansion (instance -1 of a fan-out stage) or an instance. */
  private record Ready(int stage, int instance, long seq) {}

  /** A started instance and when it ends. */
  private record Running(double end, long seq, int stage, int instance) {}

  private static final class Simulation {
    final List<StageSpec> specs;
    final Map<String, List<Double>> seconds;
    final ResourceRequest capacity;
    final int maxThreads;
    final GraphIndex graph;
    final double[] rank;
    final int[] pending;
    final int[] instancesLeft;
    final int[] instancesRunning;
    final int[] instanceBound;
    final PriorityQueue<Ready> ready;
    final PriorityQueue<Running> running =
        new PriorityQueue<>(
            Comparator.comparingDouble(Running::end).thenComparingLong(Running::seq));
    final ArrayDeque<Integer> worklist = new ArrayDeque<>();
    final List<Slot> slots = new ArrayList<>();
    final Capacity free;
    long seq;
    double now;
    double makespan;

    Simulation(
        PipelineDefinition def,
        Map<String, List<Double>> seconds,
        Map<String, Double> expected,
        ResourceRequest capacity,
        int maxThreads,
        Order order) {
      this.specs = def.stages();
      this.seconds = seconds;
      this.capacity = capacity;
      this.maxThreads = maxThreads;
      this.graph = new GraphIndex(specs);
      this.rank = CriticalPath.ranks(specs, graph, expected);
      int n = specs.size();
      pending = new int[n];
      instancesLeft = new int[n];
      instancesRunning = new int[n];
      instanceBound = new int[n];
      for (int i = 0; i < n; i++) {
        pending[i] = graph.up[i].length;
        StageSpec s = specs.get(i);
        instanceBound[i] =
            s.fanOut().isPresent() ? s.parallelism().orElse(Integer.MAX_VALUE) : Integer.MAX_VALUE;
      }
      this.ready =
          new PriorityQueue<>(
              order == Order.ENGINE
                  ? (a, b) ->
                      SchedulingPolicy.compare(
                          rank[a.stage], a.stage, a.instance, rank[b.stage], b.stage, b.instance)
                  : Comparator.comparingLong(Ready::seq));
      this.free = new Capacity(capacity);
    }

    Schedule run() {
      for (int i = 0; i < specs.size(); i++) {
        if (!seconds.containsKey(specs.get(i).name())) {
          worklist.add(i); // excluded: ends first, without running
        }
      }
      for (int i = 0; i < specs.size(); i++) {
        if (seconds.containsKey(specs.get(i).name()) && pending[i] == 0) {
          becomeReady(i);
        }
      }
      drainWorklist();
      startWhatFits();
      while (!running.isEmpty()) {
        Running r = running.poll();
        now = r.end();
        free.release(specs.get(r.stage()).resources());
        instancesRunning[r.stage()]--;
        if (--instancesLeft[r.stage()] == 0) {
          worklist.add(r.stage());
          drainWorklist();
        }
        startWhatFits();
      }
      if (!ready.isEmpty()) {
        StageSpec stuck = specs.get(ready.peek().stage());
        throw new IllegalArgumentException(
            "stage '"
                + stuck.name()
                + "' asks "
                + stuck.resources()
                + " but the capacity is "
                + capacity
                + ": it can never start");
      }
      return new Schedule(makespan, slots);
    }

    private void becomeReady(int stage) {
      ready.add(new Ready(stage, -1, seq++));
    }

    private void drainWorklist() {
      Integer s;
      while ((s = worklist.poll()) != null) {
        for (int d : graph.down[s]) {
          if (--pending[d] == 0 && seconds.containsKey(specs.get(d).name())) {
            becomeReady(d);
          }
        }
      }
    }

    /** Starts ready work while the policy finds some that can start, as a worker would. */
    private void startWhatFits() {
      while (running.size() < maxThreads) {
        Ready t = SchedulingPolicy.pollStartable(ready, this::canStart);
        if (t == null) {
          return;
        }
        StageSpec spec = specs.get(t.stage());
        List<Double> durations = seconds.get(spec.name());
        if (t.instance() < 0 && spec.fanOut().isPresent()) {
          // the expansion: instant, reserves nothing, queues one instance per item
          instancesLeft[t.stage()] = durations.size();
          if (durations.isEmpty()) {
            worklist.add(t.stage());
            drainWorklist();
          }
          for (int k = 0; k < durations.size(); k++) {
            ready.add(new Ready(t.stage(), k, seq++));
          }
          continue;
        }
        free.reserve(spec.resources());
        double end = now + durations.get(Math.max(t.instance(), 0));
        if (t.instance() < 0) {
          instancesLeft[t.stage()] = 1;
        } else {
          instancesRunning[t.stage()]++;
        }
        running.add(new Running(end, seq++, t.stage(), t.instance()));
        slots.add(
            new Slot(
                t.instance() < 0 ? spec.name() : spec.name() + "[" + t.instance() + "]", now, end));
        makespan = Math.max(makespan, end);
      }
    }

    private boolean canStart(Ready t) {
      StageSpec spec = specs.get(t.stage());
      if (t.instance() < 0 && spec.fanOut().isPresent()) {
        return true;
      }
      return free.fits(spec.resources())
          && (t.instance() < 0 || instancesRunning[t.stage()] < instanceBound[t.stage()]);
    }
  }
}
