package dev.stagecraft.runtime.report;

import dev.stagecraft.runtime.engine.StageExecution;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The metrics section: one column per metric name, one row per execution that recorded a metric.
 *
 * @param names every metric name, sorted
 * @param rows the executions, in the run's order
 */
record MetricsTable(List<String> names, List<Row> rows) {
  /**
   * One execution's metrics.
   *
   * @param item the fan-out item, if any
   * @param values one per name, formatted; empty where the execution did not record it
   */
  record Row(String instance, Optional<String> item, List<String> values) {}

  static MetricsTable of(List<StageExecution> executions) {
    List<StageExecution> measured =
        executions.stream().filter(e -> !e.metrics().isEmpty()).toList();
    TreeSet<String> names = new TreeSet<>();
    measured.forEach(e -> names.addAll(e.metrics().keySet()));
    List<Row> rows = new ArrayList<>();
    for (StageExecution e : measured) {
      List<String> values = new ArrayList<>();
      for (String n : names) {
        Double v = e.metrics().get(n);
        values.add(v == null ? "" : Format.number(v));
      }
      rows.add(new Row(e.instance(), e.item(), values));
    }
    return new MetricsTable(List.copyOf(names), rows);
  }
}
