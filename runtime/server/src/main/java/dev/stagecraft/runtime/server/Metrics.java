package dev.stagecraft.runtime.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagecraft.annotations.syntax.Quantities;
import dev.stagecraft.runtime.config.tenants.Quota;
import dev.stagecraft.runtime.config.tenants.Tenant;
import dev.stagecraft.runtime.config.tenants.Tenants;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.TenantUsage;
import java.util.Map;

/**
 * What the server says of its load: the Prometheus text of {@code /metrics} (runs by tenant and
 * status, queue length, each tenant's reserved resources, running stages and weighted share) and a
 * tenant's quota and usage for {@code /api/v1/tenants/me}.
 */
final class Metrics {
  private Metrics() {}

  /** The Prometheus exposition text. */
  static String text(ServerRuns runs, Tenants tenants) {
    StringBuilder b = new StringBuilder();
    b.append("# HELP stagecraft_runs_ended_total Runs ended since the server started.\n");
    b.append("# TYPE stagecraft_runs_ended_total counter\n");
    for (Map.Entry<String, Map<RunStatus, Long>> t : runs.endedCounts().entrySet()) {
      for (Map.Entry<RunStatus, Long> s : t.getValue().entrySet()) {
        b.append("stagecraft_runs_ended_total{tenant=\"")
            .append(label(t.getKey()))
            .append("\",status=\"")
            .append(s.getKey().name())
            .append("\"} ")
            .append(s.getValue())
            .append('\n');
      }
    }
    b.append("# HELP stagecraft_runs Runs held by the server now, by tenant and status.\n");
    b.append("# TYPE stagecraft_runs gauge\n");
    for (Tenant t : tenants.tenants()) {
      ServerRuns.Load load = runs.load(t.id());
      gauge(b, "stagecraft_runs", t.id(), "status=\"QUEUED\"", load.queued());
      gauge(b, "stagecraft_runs", t.id(), "status=\"RUNNING\"", load.running());
    }
    Map<String, TenantUsage> usages = runs.usages();
    b.append("# HELP stagecraft_reserved_cpu_cores CPU the tenant's running stages reserve.\n");
    b.append("# TYPE stagecraft_reserved_cpu_cores gauge\n");
    usages.forEach(
        (t, u) ->
            gauge(b, "stagecraft_reserved_cpu_cores", t, null, u.reserved().milliCpu() / 1000.0));
    b.append(
        "# HELP stagecraft_reserved_memory_bytes Memory the tenant's running stages reserve.\n");
    b.append("# TYPE stagecraft_reserved_memory_bytes gauge\n");
    usages.forEach(
        (t, u) ->
            gauge(b, "stagecraft_reserved_memory_bytes", t, null, u.reserved().memoryBytes()));
    b.append("# HELP stagecraft_reserved_gpus GPUs the tenant's running stages reserve.\n");
    b.append("# TYPE stagecraft_reserved_gpus gauge\n");
    usages.forEach((t, u) -> gauge(b, "stagecraft_reserved_gpus", t, null, u.reserved().gpu()));
    b.append("# HELP stagecraft_running_stages Stages of the tenant holding a reservation.\n");
    b.append("# TYPE stagecraft_running_stages gauge\n");
    usages.forEach((t, u) -> gauge(b, "stagecraft_running_stages", t, null, u.runningStages()));
    b.append(
        "# HELP stagecraft_weighted_dominant_share The tenant's dominant share over its weight:"
            + " the lowest gets the next free slot.\n");
    b.append("# TYPE stagecraft_weighted_dominant_share gauge\n");
    usages.forEach(
        (t, u) -> gauge(b, "stagecraft_weighted_dominant_share", t, null, u.weightedShare()));
    b.append("# HELP stagecraft_queue_length Runs waiting for their tenant's turn.\n");
    b.append("# TYPE stagecraft_queue_length gauge\n");
    for (Tenant t : tenants.tenants()) {
      gauge(b, "stagecraft_queue_length", t.id(), null, runs.load(t.id()).queued());
    }
    return b.toString();
  }

  private static void gauge(StringBuilder b, String name, String tenant, String extra, double v) {
    b.append(name).append("{tenant=\"").append(label(tenant)).append('"');
    if (extra != null) {
      b.append(',').append(extra);
    }
    b.append("} ").append(v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v));
    b.append('\n');
  }

  /** A label value escaped as the exposition format wants. */
  private static String label(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  /** A tenant's weight, quota and usage now. */
  static ObjectNode tenantJson(ObjectMapper json, Tenant t, ServerRuns runs) {
    ObjectNode o = json.createObjectNode();
    o.put("tenant", t.id());
    o.put("weight", t.weight());
    Quota q = t.quota();
    ObjectNode quota = o.putObject("quota");
    quota.put("cpu", q.cpuMillis() == Long.MAX_VALUE ? null : Quantities.formatCpu(q.cpuMillis()));
    quota.put(
        "memory",
        q.memoryBytes() == Long.MAX_VALUE ? null : Quantities.formatBytes(q.memoryBytes()));
    if (q.gpu() == Integer.MAX_VALUE) {
      quota.putNull("gpu");
    } else {
      quota.put("gpu", q.gpu());
    }
    if (q.concurrentRuns() == Integer.MAX_VALUE) {
      quota.putNull("concurrentRuns");
    } else {
      quota.put("concurrentRuns", q.concurrentRuns());
    }
    quota.put("policy", q.policy().yamlName());
    ServerRuns.Load load = runs.load(t.id());
    ObjectNode usage = o.putObject("usage");
    usage.put("queuedRuns", load.queued());
    usage.put("runningRuns", load.running());
    TenantUsage used = runs.usages().get(t.id());
    if (used != null) {
      usage.put("cpu", Quantities.formatCpu(used.reserved().milliCpu()));
      usage.put("memory", Quantities.formatBytes(used.reserved().memoryBytes()));
      usage.put("gpu", used.reserved().gpu());
      usage.put("runningStages", used.runningStages());
      usage.put("dominantShare", used.dominantShare());
    }
    return o;
  }
}
