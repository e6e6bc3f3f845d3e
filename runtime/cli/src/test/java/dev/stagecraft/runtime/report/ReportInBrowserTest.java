package dev.stagecraft.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders a report in Debian's Chromium, headless, and checks the page it shows. Runs when {@code
 * /usr/bin/chromium} exists; without it the test is skipped, unless {@code
 * STAGECRAFT_REQUIRE_CHROMIUM=1} (as {@code .ci/run} sets) makes it fail.
 */
class ReportInBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir Path dir;

  @Test
  void chromiumShowsEveryStageOfTheRun() throws Exception {
    requireChromium();
    String id = RecordedRuns.recordDemo(dir.resolve("store"));
    Path page =
        ReportWriter.write(
            RunReports.load(dir.resolve("store"), id, name -> Optional.of(RecordedRuns.demo())),
            dir.resolve("report.html"));

    String dom = dumpDom(page);

    assertTrue(dom.contains("</svg>"), "the graph and the timeline are rendered as SVG");
    for (String stage : List.of("load", "train", "abTest", "deploy", "broken", "publish")) {
      assertTrue(dom.contains("data-stage=\"" + stage + "\""), "graph node of " + stage);
      assertTrue(dom.contains("class=\"name\">" + stage + "</text>"), "label of " + stage);
    }
    for (String instance :
        List.of("load", "train[0]", "train[1]", "abTest", "deploy", "broken", "publish")) {
      assertTrue(
          dom.contains("<tr data-instance=\"" + instance + "\">"), "table row of " + instance);
    }
    assertTrue(dom.contains("<th>selectedModel</th><td>b</td>"), "the A/B decision");
    assertFalse(dom.contains("<script"), "escaped text stays text in the browser");
    assertTrue(dom.contains("&lt;script&gt;alert('x')&lt;/script&gt;"), dom.length() + " chars");
  }

  @Test
  void chromiumShowsTheSummaryTheDataAndEveryModelWithItsConfusionMatrix() throws Exception {
    requireChromium();
    TrainedRuns.Recorded recorded = TrainedRuns.record(dir.resolve("trained"));
    Path page =
        ReportWriter.write(
            RunReports.load(
                dir.resolve("trained"),
                TrainedRuns.RUN,
                name -> Optional.of(TrainedRuns.definition())),
            dir.resolve("trained.html"));

    String dom = dumpDom(page);

    for (String section : List.of("summary", "data", "models", "trials")) {
      assertTrue(dom.contains("<section id=\"" + section + "\">"), section);
      assertTrue(dom.contains("<a href=\"#" + section.replace("trials", "graph") + "\">"), section);
    }
    // text nodes: the DOM serializes quotes as they are
    assertTrue(dom.contains("<li>" + recorded.summary().get(0) + "</li>"), dom);
    assertTrue(
        dom.contains("<li>variant a: &lt;best&gt; &amp; \"quoted\" logistic_regression</li>"));
    assertTrue(dom.contains("<tr data-class=\"benign\"><td><code>benign</code></td>"));
    for (int i = 0; i < 2; i++) {
      var model = recorded.models().get(i);
      assertTrue(dom.contains("<div class=\"card\" data-model=\"train[" + i + "]\">"));
      assertTrue(dom.contains("</code> " + model.modelType() + "</h3>"));
      long right = model.predictions().stream().filter(p -> p.correct()).count();
      long benignRight =
          model.predictions().stream()
              .filter(p -> p.correct() && p.actual().equals("benign"))
              .count();
      assertTrue(
          dom.contains(
              "<tr><th><code>benign</code></th><td class=\"num right\">" + benignRight + "</td>"),
          "the confusion matrix of train[" + i + "], " + right + " right in all");
    }
    assertTrue(dom.contains("<span class=\"muted\">(empty)</span>"), "the empty inputDataPath");
    assertTrue(dom.contains("bundled breast cancer data"));
    assertFalse(dom.contains("<best>"), "summary text stays text");
  }

  private static void requireChromium() {
    if (!Files.isExecutable(CHROMIUM)) {
      if ("1".equals(System.getenv("STAGECRAFT_REQUIRE_CHROMIUM"))) {
        fail(
            "STAGECRAFT_REQUIRE_CHROMIUM=1 but "
                + CHROMIUM
                + " is missing; install it with:"
                + " apt-get install -y chromium");
      }
      assumeTrue(false, CHROMIUM + " is missing; the browser check is skipped");
    }
  }

  /** The DOM Chromium builds from the page, as {@code --dump-dom} prints it. */
  private String dumpDom(Path page) throws Exception {
    Path profile = Files.createDirectory(dir.resolve("chromium-profile"));
    Path out = dir.resolve("dom.html");
    Path log = dir.resolve("chromium.log");
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--dump-dom",
                page.toUri().toString()));
    Process chromium =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(log.toFile())
            .start();
    if (!chromium.waitFor(120, TimeUnit.SECONDS)) {
      chromium.destroyForcibly();
      fail("chromium did not finish within 120 s: " + tail(log));
    }
    assertEquals(0, chromium.exitValue(), () -> "chromium failed: " + tail(log));
    String dom = Files.readString(out, StandardCharsets.UTF_8);
    assertFalse(dom.isBlank(), () -> "chromium printed no DOM: " + tail(log));
    return dom;
  }

  private static String tail(Path log) {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      return text.substring(Math.max(0, text.length() - 2000));
    } catch (java.io.IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
