package dev.stagecraft.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.engine.RunInfo;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.store.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  private static final List<String> STAGES =
      List.of("load", "train", "abTest", "deploy", "broken", "publish");
  private static final List<String> INSTANCES =
      List.of("load", "train[0]", "train[1]", "abTest", "deploy", "broken", "publish");

  @TempDir Path dir;
  String html;

  @BeforeEach
  void render() {
    String id = RecordedRuns.recordDemo(dir);
    html = HtmlReport.render(RunReports.load(dir, id, name -> Optional.of(RecordedRuns.demo())));
  }

  @Test
  void drawsEveryStageColouredByItsState() {
    assertEquals("SUCCEEDED", stageStatus("load"));
    assertEquals("SUCCEEDED", stageStatus("train"));
    assertEquals("SUCCEEDED", stageStatus("abTest"));
    assertEquals("SKIPPED", stageStatus("deploy"));
    assertEquals("FAILED", stageStatus("broken"));
    assertEquals("UPSTREAM_FAILED", stageStatus("publish"));
    for (String s : STAGES) {
      assertTrue(html.contains("class=\"name\">" + s + "</text>"), s);
    }
  }

  @Test
  void showsFanOutInstancesInTheGraphTimelineAndTable() {
    for (String instance : INSTANCES) {
      assertTrue(html.contains("<tr data-instance=\"" + instance + "\">"), instance);
    }
    assertTrue(html.contains("<g class=\"instance\" data-instance=\"train[0]\">"));
    assertTrue(html.contains("<g class=\"instance\" data-instance=\"train[1]\">"));
    assertTrue(html.contains("<g class=\"bar\" data-instance=\"train[1]\">"));
    assertTrue(html.contains(">[1] b</text>"));
  }

  @Test
  void drawsAnEdgePerDependency() {
    for (String edge :
        List.of("load>train", "train>abTest", "abTest>deploy", "load>broken", "broken>publish")) {
      String[] ends = edge.split(">");
      assertTrue(html.contains("data-from=\"" + ends[0] + "\" data-to=\"" + ends[1] + "\""), edge);
    }
    assertEquals(5, count("class=\"edge\""));
  }

  @Test
  void showsMetricsParamsReasonsAndTheSmallOutputs() {
    assertTrue(html.contains("<th class=\"num\">accuracy</th>"));
    assertTrue(html.contains("<td class=\"num\">0.9825</td>"), "accuracy of train[1], 4 digits");
    assertTrue(html.contains("<div class=\"card\" data-output=\"abTest\">"));
    assertTrue(html.contains("<tr><th>selectedModel</th><td>b</td></tr>"));
    assertTrue(html.contains("<tr><th>pValue</th><td>0.0123</td></tr>"));
    assertTrue(html.contains("<tr><th>confidence</th><td>0.9877</td></tr>"));
    assertTrue(html.contains("<div class=\"card\" data-output=\"train[0]\">"));
    assertTrue(html.contains("<tr><th>variant</th><td>a</td></tr>"));
    assertTrue(html.contains("<section id=\"reasons\">"));
    assertTrue(html.contains("abTest.confidence &gt; 0.99 was false"), "the skip reason of deploy");
    assertTrue(
        html.contains(
            "<tr data-param=\"note\"><th>note</th><td><code>"
                + "&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"quoted\""
                + "</code></td><td class=\"muted\">free text</td></tr>"),
        "the parameter with its description from the definition");
  }

  @Test
  void escapesEveryTextFromTheRun() {
    assertFalse(html.contains("<script"), "a parameter must not become markup");
    assertFalse(html.contains("<input>"), "a failure reason must not become markup");
    // the page's text is escaped by jte, which leaves quotes as they are outside attributes
    assertTrue(
        html.contains(
            "<td><code>&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"quoted\"</code></td>"));
    assertTrue(
        html.contains(
            "<td class=\"reason\">IllegalStateException: bad &lt;input&gt; &amp; \"quotes\"</td>"));
  }

  @Test
  void replacesControlCharactersThatHtmlDoesNotAllow() {
    Instant t0 = Instant.parse("2026-01-02T03:04:05Z");
    try (Store store = Store.open(dir.resolve("ctl"))) {
      store
          .history()
          .runStarted(
              new RunInfo(
                  "ctl-1", "report-demo", Map.of("bell", "a\u0007b"), t0, Optional.empty()));
      store
          .history()
          .stageFinished(
              "ctl-1",
              StageExecution.builder("load[0]", "load")
                  .index(0)
                  .status(StageStatus.FAILED)
                  .attempts(1)
                  .start(t0)
                  .end(t0.plusMillis(5))
                  .wallMs(5)
                  .reason("\u001b[31mboom\u001b[0m\tat line 1\n")
                  .build());
      store
          .history()
          .runFinished("ctl-1", dev.stagecraft.runtime.engine.RunStatus.FAILED, t0.plusMillis(9));
    }
    String page =
        HtmlReport.render(RunReports.load(dir.resolve("ctl"), "ctl-1", n -> Optional.empty()));
    assertTrue(page.contains("<code>a\uFFFDb</code>"));
    assertTrue(page.contains("<td class=\"reason\">\uFFFD[31mboom\uFFFD[0m\tat line 1\n</td>"));
    assertTrue(page.contains("\uFFFD[31mboom\uFFFD[0m\tat line 1\n</title>"), "the instance's tip");
    assertFalse(Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]").matcher(page).find());
  }

  @Test
  void isSelfContained() {
    assertFalse(html.contains("http://"), "nothing to load over the network");
    assertFalse(html.contains("https://"), "nothing to load over the network");
    assertFalse(
        Pattern.compile("\\s(src|href)=\"(?!#)").matcher(html).find(), "only in-page links");
    assertFalse(html.contains("<link"));
    assertFalse(html.contains("@import"));
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("<style>"));
  }

  @Test
  void withoutTheDefinitionShowsTheRecordedStagesWithoutEdges() {
    String bare = HtmlReport.render(RunReports.load(dir, "20260102", name -> Optional.empty()));
    for (String s : STAGES) {
      assertTrue(bare.contains("data-stage=\"" + s + "\""), s);
    }
    assertFalse(bare.contains("class=\"edge\""));
    assertTrue(
        bare.contains("<p class=\"note\">The pipeline 'report-demo' is not on the class path"));
  }

  @Test
  void aRunStillGoingShowsWhatIsRecordedSoFar() {
    Instant t0 = Instant.parse("2026-01-02T03:04:05Z");
    try (Store store = Store.open(dir.resolve("live"))) {
      store
          .history()
          .runStarted(new RunInfo("live-1", "report-demo", Map.of(), t0, Optional.empty()));
      store
          .history()
          .stageFinished(
              "live-1",
              new StageExecution(
                  "load",
                  "load",
                  Optional.empty(),
                  Optional.empty(),
                  StageStatus.CACHED,
                  0,
                  Optional.empty(),
                  Optional.empty(),
                  0,
                  0,
                  0,
                  Map.of(),
                  "",
                  List.of()));
      store.history().stageStarted("live-1", "train[0]", 1, t0.plusSeconds(1));
      store.history().flush();
    }
    String live =
        HtmlReport.render(
            RunReports.load(
                dir.resolve("live"), "live-1", name -> Optional.of(RecordedRuns.demo())));
    assertTrue(live.contains("<dd>not finished</dd>"));
    assertEquals("CACHED", statusIn(live, "load"));
    assertEquals("RUNNING", statusIn(live, "train"));
    assertEquals(StatusStyle.NOT_RECORDED, statusIn(live, "abTest"));
    assertTrue(live.contains("<g class=\"bar\" data-instance=\"train[0]\">"));
    assertTrue(live.contains("No stage stored a small JSON output."));
    assertTrue(live.contains("The run had no parameters."));
  }

  @Test
  void escapesStageNamesAndItemsRecordedByHand() {
    Instant t0 = Instant.parse("2026-01-02T03:04:05Z");
    String name = "odd<stage> & \"q\" 'a'";
    try (Store store = Store.open(dir.resolve("odd"))) {
      store
          .history()
          .runStarted(new RunInfo("odd-1", "<pipe>", Map.of("<k>", "<v>"), t0, Optional.empty()));
      store
          .history()
          .stageFinished(
              "odd-1",
              new StageExecution(
                  name + "[0]",
                  name,
                  Optional.of(0),
                  Optional.of("\"<item>\""),
                  StageStatus.SUCCEEDED,
                  1,
                  Optional.of(t0),
                  Optional.of(t0.plusMillis(5)),
                  5,
                  0,
                  0,
                  Map.of("<m>", 1.5),
                  "",
                  List.of()));
      store
          .history()
          .runFinished(
              "odd-1", dev.stagecraft.runtime.engine.RunStatus.SUCCEEDED, t0.plusMillis(9));
    }
    String odd =
        HtmlReport.render(RunReports.load(dir.resolve("odd"), "odd-1", n -> Optional.empty()));
    String escaped = "odd&lt;stage&gt; &amp; &quot;q&quot; &#39;a&#39;";
    assertTrue(odd.contains("data-stage=\"" + escaped + "\""));
    assertTrue(odd.contains("data-instance=\"" + escaped + "[0]\""));
    // jte escapes attribute values too, with numeric references and '>' left as it is
    assertTrue(
        odd.contains("<tr data-instance=\"odd&lt;stage> &amp; &#34;q&#34; &#39;a&#39;[0]\">"));
    assertTrue(odd.contains("&lt;item&gt;"));
    assertTrue(odd.contains("<th class=\"num\">&lt;m&gt;</th>"));
    assertTrue(
        odd.contains(
            "<tr data-param=\"&lt;k>\"><th>&lt;k&gt;</th><td><code>&lt;v&gt;</code></td>"
                + "<td class=\"muted\"></td></tr>"));
    assertTrue(odd.contains("<title>&lt;pipe&gt; \u00b7 run odd-1</title>"));
    for (String raw : List.of("<stage>", "<item>", "<m>", "<k>", "<v>", "<pipe>")) {
      assertFalse(odd.contains(raw), raw);
    }
  }

  private String stageStatus(String stage) {
    return statusIn(html, stage);
  }

  private static String statusIn(String html, String stage) {
    Matcher m =
        Pattern.compile("data-stage=\"" + Pattern.quote(stage) + "\" data-status=\"([A-Z_]+)\"")
            .matcher(html);
    assertTrue(m.find(), stage);
    return m.group(1);
  }

  private int count(String needle) {
    int n = 0;
    for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
