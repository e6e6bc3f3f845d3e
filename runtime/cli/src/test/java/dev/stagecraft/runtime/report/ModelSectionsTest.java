package dev.stagecraft.runtime.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.components.train.ExamplePrediction;
import dev.stagecraft.runtime.components.train.TrainedModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real training outputs through the store and into the report's summary, data and models. */
class ModelSectionsTest {
  @TempDir static Path dir;
  static TrainedRuns.Recorded recorded;
  static RunReport report;
  static String html;

  @BeforeAll
  static void record() {
    recorded = TrainedRuns.record(dir);
    report = RunReports.load(dir, TrainedRuns.RUN, name -> Optional.of(TrainedRuns.definition()));
    html = HtmlReport.render(report);
  }

  @Test
  void theSummaryLinesAreTheRecordedOnes() {
    assertEquals(recorded.summary(), report.summary());
    assertTrue(
        html.contains("<li>variant a: &lt;best&gt; &amp; \"quoted\" logistic_regression</li>"),
        html);
  }

  @Test
  void theDataCardHasTheRowsAndEachClassWithItsCounts() {
    DataCard d = report.data().get(0);
    assertEquals("preprocess", d.instance());
    assertEquals("bundled breast cancer data", d.source());
    assertEquals(455, d.trainRows());
    assertEquals(114, d.testRows());
    assertEquals(30, d.features().size());
    assertEquals(
        List.of(
            new DataCard.ClassRow("benign", 285, 72), new DataCard.ClassRow("malignant", 170, 42)),
        d.classes());
    assertTrue(
        html.contains(
            "<tr data-class=\"malignant\"><td><code>malignant</code></td><td class=\"num\">170</td>"
                + "<td class=\"num\">42</td></tr>"));
    assertTrue(html.contains("<tr><th>Rows</th><td>455 training, 114 test (569 in all)</td></tr>"));
  }

  @Test
  void eachModelHasItsTypeHyperparametersScoresAndConfusionMatrix() {
    assertEquals(
        List.of("train[0]", "train[1]"),
        report.models().stream().map(ModelCard::instance).toList());
    for (int i = 0; i < 2; i++) {
      ModelCard card = report.models().get(i);
      TrainedModel model = recorded.models().get(i);
      assertEquals(model.modelType(), card.modelType());
      assertEquals(model.bestParams().keySet(), card.params().keySet());
      assertEquals(model.cvScore(), card.cvScore());
      assertEquals(model.accuracy(), card.testMetrics().get("accuracy"));
      int[][] expected = new int[2][2];
      for (ExamplePrediction p : model.predictions()) {
        expected[model.labels().indexOf(p.actual())][model.labels().indexOf(p.predicted())]++;
      }
      for (int a = 0; a < 2; a++) {
        assertArrayEquals(expected[a], card.confusion()[a]);
      }
      assertEquals(
          Math.round(model.accuracy() * 114),
          card.confusion()[0][0] + card.confusion()[1][1],
          "the diagonal is the right predictions");
    }
    assertTrue(html.contains("<div class=\"card\" data-model=\"train[1]\">"));
    assertTrue(html.contains("<code>train[1]</code> gradient_boosting</h3>"));
    assertTrue(html.contains("<tr><th><code>n_estimators</code></th><td>"));
    assertTrue(html.contains("<h4>Confusion matrix on the test split</h4>"));
  }

  @Test
  void anEmptyParameterSaysSoWithWhatItMeans() {
    assertTrue(
        html.contains(
            "<tr data-param=\"inputDataPath\"><th>inputDataPath</th><td><span class=\"muted\">"
                + "(empty)</span></td><td class=\"muted\">"
                + Html.escape(TrainedRuns.INPUT_MEANS)
                + "</td></tr>"),
        html);
  }

  @Test
  void aRunWithoutTrainingHasNoneOfTheseSections() {
    String id = RecordedRuns.recordDemo(dir.resolve("demo"));
    String demo =
        HtmlReport.render(RunReports.load(dir.resolve("demo"), id, n -> Optional.empty()));
    for (String section : List.of("summary", "data", "models")) {
      assertFalse(demo.contains("<section id=\"" + section + "\">"), section);
      assertFalse(demo.contains("href=\"#" + section + "\""), section);
    }
  }
}
