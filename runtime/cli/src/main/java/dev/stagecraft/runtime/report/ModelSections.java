package dev.stagecraft.runtime.report;

import java.util.List;
import java.util.Map;

/**
 * The sections of a report that explain a training run: the summary lines the command line printed,
 * the data (source, rows, features, classes with their counts, steps), and per trained model its
 * type, chosen hyperparameters, scores and test confusion matrix.
 */
final class ModelSections {
  /** The most feature names listed before the rest are counted. */
  private static final int MAX_FEATURES_SHOWN = 40;

  private ModelSections() {}

  /** Appends the sections that have something to show. */
  static void render(StringBuilder b, RunReport report) {
    summary(b, report.summary());
    data(b, report.data());
    models(b, report.models());
  }

  private static void summary(StringBuilder b, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    b.append("<section id=\"summary\">\n<h2>Summary</h2>\n<ul class=\"summary\">\n");
    for (String line : lines) {
      b.append("<li>").append(Html.escape(line)).append("</li>\n");
    }
    b.append("</ul>\n</section>\n");
  }

  private static void data(StringBuilder b, List<DataCard> cards) {
    if (cards.isEmpty()) {
      return;
    }
    b.append("<section id=\"data\">\n<h2>Data</h2>\n");
    for (DataCard d : cards) {
      b.append("<div class=\"card\" data-data=\"")
          .append(Html.escape(d.instance()))
          .append("\">\n<table class=\"kv\">\n<tbody>\n");
      row(b, "Source", Html.escape(d.source()));
      row(b, "Target", "<code>" + Html.escape(d.target()) + "</code>");
      row(
          b,
          "Rows",
          d.trainRows()
              + " training, "
              + d.testRows()
              + " test ("
              + (d.trainRows() + d.testRows())
              + " in all)");
      List<String> shown = d.features().stream().limit(MAX_FEATURES_SHOWN).toList();
      row(
          b,
          "Features",
          d.features().size()
              + ": <code>"
              + Html.escape(String.join(", ", shown))
              + "</code>"
              + (d.features().size() > shown.size()
                  ? " and " + (d.features().size() - shown.size()) + " more"
                  : ""));
      row(b, "Steps", Html.escape(d.steps()));
      b.append("</tbody>\n</table>\n");
      b.append(
          "<table class=\"classes\">\n<thead><tr><th>Class</th><th class=\"num\">Training</th>"
              + "<th class=\"num\">Test</th></tr></thead>\n<tbody>\n");
      for (DataCard.ClassRow c : d.classes()) {
        b.append("<tr data-class=\"")
            .append(Html.escape(c.label()))
            .append("\"><td><code>")
            .append(Html.escape(c.label()))
            .append("</code></td><td class=\"num\">")
            .append(c.train())
            .append("</td><td class=\"num\">")
            .append(c.test())
            .append("</td></tr>\n");
      }
      b.append("</tbody>\n</table>\n</div>\n");
    }
    b.append("</section>\n");
  }

  private static void models(StringBuilder b, List<ModelCard> cards) {
    if (cards.isEmpty()) {
      return;
    }
    b.append("<section id=\"models\">\n<h2>Models</h2>\n<div class=\"cards\">\n");
    for (ModelCard m : cards) {
      b.append("<div class=\"card\" data-model=\"")
          .append(Html.escape(m.instance()))
          .append("\">\n<h3><code>")
          .append(Html.escape(m.instance()))
          .append("</code> ")
          .append(Html.escape(m.modelType()))
          .append("</h3>\n<table class=\"kv\">\n<tbody>\n");
      row(b, "CV " + Html.escape(m.metric()), Html.escape(Format.number(m.cvScore())));
      for (Map.Entry<String, Double> e : m.testMetrics().entrySet()) {
        String name = e.getKey().equals("rocAuc") ? "ROC AUC" : e.getKey();
        row(b, "Test " + Html.escape(name), Html.escape(Format.number(e.getValue())));
      }
      b.append(
          "</tbody>\n</table>\n<h4>Chosen hyperparameters</h4>\n<table class=\"kv params\">\n<tbody>\n");
      m.params().forEach((k, v) -> row(b, "<code>" + Html.escape(k) + "</code>", Html.escape(v)));
      b.append("</tbody>\n</table>\n");
      confusion(b, m);
      b.append("</div>\n");
    }
    b.append("</div>\n</section>\n");
  }

  /** Rows: actual classes; columns: predicted; the diagonal (right) highlighted. */
  private static void confusion(StringBuilder b, ModelCard m) {
    List<String> labels = m.labels();
    b.append("<h4>Confusion matrix on the test split</h4>\n<table class=\"confusion\">\n")
        .append("<thead><tr><th>actual \\ predicted</th>");
    for (String l : labels) {
      b.append("<th class=\"num\"><code>").append(Html.escape(l)).append("</code></th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (int a = 0; a < labels.size(); a++) {
      b.append("<tr><th><code>").append(Html.escape(labels.get(a))).append("</code></th>");
      for (int p = 0; p < labels.size(); p++) {
        b.append("<td class=\"num")
            .append(a == p ? " right" : "")
            .append("\">")
            .append(m.confusion()[a][p])
            .append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table>\n");
  }

  private static void row(StringBuilder b, String keyHtml, String valueHtml) {
    b.append("<tr><th>")
        .append(keyHtml)
        .append("</th><td>")
        .append(valueHtml)
        .append("</td></tr>\n");
  }
}
