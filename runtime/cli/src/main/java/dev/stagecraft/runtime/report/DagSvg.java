package dev.stagecraft.runtime.report;

import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.engine.StageStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The pipeline's DAG as inline SVG: one box per stage coloured by its state, the instances of a
 * fan-out stage listed inside its box, and an arrow per dependency.
 */
final class DagSvg {
  static final int MAX_INSTANCES_SHOWN = 6;
  private static final double HEADER = 46;
  private static final double INSTANCE_ROW = 18;

  private DagSvg() {}

  /** The SVG element for the graph, with the run's executions grouped by stage. */
  static Svg render(StageGraph graph, Map<String, List<StageExecution>> byStage) {
    DagLayout.Layout layout =
        DagLayout.layout(graph, n -> height(byStage.getOrDefault(n.name(), List.of())));
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"dag\" role=\"img\" aria-label=\"pipeline graph\" width=\"%.0f\" height=\"%.0f\""
                + " viewBox=\"0 0 %.0f %.0f\">\n",
            layout.width(),
            layout.height(),
            layout.width(),
            layout.height()));
    b.append(
        "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\""
            + " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#7a8797\"/>"
            + "</marker></defs>\n");
    for (DagLayout.Edge e : layout.edges()) {
      b.append("<path class=\"edge\" data-from=\"")
          .append(Html.escape(e.from().node().name()))
          .append("\" data-to=\"")
          .append(Html.escape(e.to().node().name()))
          .append("\" d=\"")
          .append(layout.vertical() ? downward(e) : rightward(e))
          .append(
              "\" fill=\"none\" stroke=\"#7a8797\" stroke-width=\"1.4\" marker-end=\"url(#arrow)\"/>\n");
    }
    for (DagLayout.Placed p : layout.nodes()) {
      node(b, p, byStage.getOrDefault(p.node().name(), List.of()));
    }
    b.append("</svg>");
    return new Svg(b.toString());
  }

  /** From the right side of the upstream stage to the left side of the downstream one. */
  private static String rightward(DagLayout.Edge e) {
    double x1 = e.from().x() + e.from().width();
    double y1 = e.from().centerY();
    double x2 = e.to().x() - 2;
    double y2 = e.to().centerY();
    double bend = Math.max(24, (x2 - x1) / 2);
    return String.format(
        Locale.ROOT,
        "M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f",
        x1,
        y1,
        x1 + bend,
        y1,
        x2 - bend,
        y2,
        x2,
        y2);
  }

  /** From the bottom of the upstream stage to the top of the downstream one. */
  private static String downward(DagLayout.Edge e) {
    double x1 = e.from().x() + e.from().width() / 2;
    double y1 = e.from().y() + e.from().height();
    double x2 = e.to().x() + e.to().width() / 2;
    double y2 = e.to().y() - 2;
    double bend = Math.max(18, (y2 - y1) / 2);
    return String.format(
        Locale.ROOT,
        "M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f",
        x1,
        y1,
        x1,
        y1 + bend,
        x2,
        y2 - bend,
        x2,
        y2);
  }

  static double height(List<StageExecution> executions) {
    long instances = executions.stream().filter(e -> e.index().isPresent()).count();
    if (instances == 0) {
      return HEADER;
    }
    long rows =
        Math.min(instances, MAX_INSTANCES_SHOWN) + (instances > MAX_INSTANCES_SHOWN ? 1 : 0);
    return HEADER + rows * INSTANCE_ROW + 6;
  }

  private static void node(StringBuilder b, DagLayout.Placed p, List<StageExecution> executions) {
    StageGraph.Node n = p.node();
    String status =
        StatusStyle.aggregate(
            executions.stream().map(StageExecution::status).collect(Collectors.toSet()));
    b.append("<g class=\"stage\" data-stage=\"")
        .append(Html.escape(n.name()))
        .append("\" data-status=\"")
        .append(status)
        .append("\">");
    StringBuilder tip = new StringBuilder(n.name());
    if (!n.type().isEmpty()) {
      tip.append(" (").append(n.type()).append(")");
    }
    tip.append(": ").append(StatusStyle.label(status));
    if (!n.condition().isEmpty()) {
      tip.append("\nwhen ").append(n.condition());
    }
    b.append("<title>").append(Html.escape(tip)).append("</title>");
    b.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"8\" fill=\"%s\" stroke=\"%s\""
                + " stroke-width=\"%s\"%s/>",
            p.x(),
            p.y(),
            p.width(),
            p.height(),
            StatusStyle.fill(status),
            StatusStyle.stroke(status),
            status.equals("FAILED") ? "2.5" : "1.5",
            status.equals(StatusStyle.NOT_RECORDED) || status.equals("SKIPPED")
                ? " stroke-dasharray=\"5 3\""
                : ""));
    b.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" class=\"name\">%s</text>",
            p.x() + 10,
            p.y() + 19,
            Html.escape(Html.shorten(n.name(), 22))));
    b.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" class=\"sub\">%s</text>",
            p.x() + 10,
            p.y() + 36,
            Html.escape(subtitle(n, status, executions))));
    List<StageExecution> instances =
        executions.stream()
            .filter(e -> e.index().isPresent())
            .sorted(java.util.Comparator.comparing(e -> e.index().get()))
            .toList();
    double y = p.y() + HEADER;
    for (int i = 0; i < Math.min(instances.size(), MAX_INSTANCES_SHOWN); i++) {
      StageExecution e = instances.get(i);
      String s = e.status().name();
      b.append("<g class=\"instance\" data-instance=\"")
          .append(Html.escape(e.instance()))
          .append("\">");
      b.append("<title>")
          .append(
              Html.escape(
                  e.instance()
                      + e.item().map(it -> " item " + it).orElse("")
                      + ": "
                      + StatusStyle.label(s)
                      + (e.reason().isEmpty() ? "" : "\n" + e.reason())))
          .append("</title>");
      b.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"4\" fill=\"%s\" stroke=\"%s\"/>",
              p.x() + 8,
              y,
              p.width() - 16,
              INSTANCE_ROW - 3,
              StatusStyle.fill(s),
              StatusStyle.stroke(s)));
      String label = "[" + e.index().get() + "]" + e.item().map(it -> " " + it).orElse("");
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.1f\" class=\"inst\">%s</text>",
              p.x() + 13,
              y + 11.5,
              Html.escape(Html.shorten(label, 18))));
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.1f\" class=\"inst\" text-anchor=\"end\">%s</text>",
              p.x() + p.width() - 13,
              y + 11.5,
              Html.escape(instanceNote(e))));
      b.append("</g>");
      y += INSTANCE_ROW;
    }
    if (instances.size() > MAX_INSTANCES_SHOWN) {
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.1f\" class=\"inst\">+%d more</text>",
              p.x() + 13,
              y + 11.5,
              instances.size() - MAX_INSTANCES_SHOWN));
    }
    b.append("</g>\n");
  }

  private static String subtitle(
      StageGraph.Node n, String status, List<StageExecution> executions) {
    String label = StatusStyle.label(status);
    long instances = executions.stream().filter(e -> e.index().isPresent()).count();
    if (instances > 0) {
      return label + " \u00b7 " + instances + (instances == 1 ? " instance" : " instances");
    }
    if (executions.size() == 1 && executions.get(0).start().isPresent()) {
      StageExecution e = executions.get(0);
      return label
          + " \u00b7 "
          + Format.millis(e.wallMs())
          + (e.attempts() > 1 ? " \u00b7 " + e.attempts() + " attempts" : "");
    }
    return n.fanOut() && executions.isEmpty() ? label + " \u00b7 fan-out" : label;
  }

  private static String instanceNote(StageExecution e) {
    if (e.status() == StageStatus.SUCCEEDED || e.status() == StageStatus.FAILED) {
      return Format.millis(e.wallMs());
    }
    return StatusStyle.label(e.status().name());
  }
}
