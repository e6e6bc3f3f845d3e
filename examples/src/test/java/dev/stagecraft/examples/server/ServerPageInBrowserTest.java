package dev.stagecraft.examples.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stagecraft.examples.server.ServerProcess.Answer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page at {@code /} of a real {@code stagecraft serve}, in headless Chromium driven through the
 * DevTools protocol: signing in, a tenant's runs and nobody else's, live status, the report link,
 * and nothing loaded from elsewhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class ServerPageInBrowserTest {
  static final String ALPHA = "alpha-token-0001";
  static final String BETA = "beta-token-0001";
  static final String GAMMA = "gamma-token-0001";
  static final String OPS = "ops-token-0001";
  static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
  static final Duration SHOWN = Duration.ofSeconds(15);
  static final String QUICK =
      "{\"pipeline\":\"workload\",\"params\":{\"loadMs\":10,\"cleanMs\":10,\"featuresMs\":10,"
          + "\"auditMs\":10,\"trainMs\":10,\"publishMs\":10}}";

  @TempDir static Path dir;
  Path tenantsFile;
  ServerProcess server;
  DevTools chromium;
  final List<String> alphaRuns = new ArrayList<>();
  final List<String> betaRuns = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    DevTools.requireChromium();
    tenantsFile = TenantsYaml.write(dir.resolve("tenants.yaml"), tenants(GAMMA));
    server =
        ServerProcess.start(
            dir.resolve("store"), dir.resolve("logs"), "page", "--tenants", tenantsFile.toString());
    chromium = DevTools.launch(dir.resolve("chromium"));
    alphaRuns.add(submit(ALPHA, QUICK));
    alphaRuns.add(submit(ALPHA, QUICK));
    betaRuns.add(submit(BETA, QUICK));
    for (String id : alphaRuns) {
      assertSucceeded(ALPHA, id);
    }
    assertSucceeded(BETA, betaRuns.get(0));
  }

  /** The tenants file, with gamma's token (the one token the tests rotate). */
  static String tenants(String gammaToken) {
    return """
            tenants:
              - id: alpha
                tokenSha256: %s
                permissions: {pipelines: [workload]}
                quota: {concurrentRuns: 1}
              - id: beta
                tokenSha256: %s
                permissions: {pipelines: [workload]}
              - id: gamma
                tokenSha256: %s
            admins:
              - id: ops
                tokenSha256: %s
            """
        .formatted(
            TenantsYaml.hash(ALPHA),
            TenantsYaml.hash(BETA),
            TenantsYaml.hash(gammaToken),
            TenantsYaml.hash(OPS));
  }

  @AfterAll
  void stop() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private String submit(String token, String body) throws Exception {
    Answer a = server.post("/api/v1/runs", token, body);
    assertEquals(202, a.status(), a.body());
    return a.json().path("runId").asText();
  }

  private void assertSucceeded(String token, String id) throws Exception {
    JsonNode run = server.awaitRun(token, id, ServerProcess::ended, RUN_TIMEOUT);
    assertEquals("SUCCEEDED", run.path("status").asText(), run.toString());
  }

  /** A fresh tab (its own session storage) at the server's page. */
  private DevTools.Page openPage() throws Exception {
    DevTools.Page page = chromium.open(server.url() + "/");
    page.waitFor(
        "the sign-in form",
        "document.readyState === 'complete' && !!document.getElementById('signin')",
        SHOWN);
    return page;
  }

  private static void signIn(DevTools.Page page, String token) throws Exception {
    page.type("token", token);
    page.evaluate("document.querySelector('#signin button[type=submit]').click()");
  }

  /** JavaScript: the status shown in the row of a run, or null when there is no such row. */
  private static String status(String runId) {
    return "(document.querySelector('#runs tbody tr[data-run-id=\""
        + runId
        + "\"] td.status')"
        + " || {}).textContent";
  }

  /** JavaScript: whether the row of a run has a report link. */
  private static String hasReportLink(String runId) {
    return "!!document.querySelector('#runs tbody tr[data-run-id=\"" + runId + "\"] a.report')";
  }

  private static void assertNoToken(DevTools.Page page, String token) throws Exception {
    assertFalse(page.text("document.documentElement.outerHTML").contains(token), "token in DOM");
    assertFalse(page.text("location.href").contains(token), "token in the URL");
    assertEquals("", page.text("document.cookie"), "no cookie");
  }

  @Test
  void aWrongTokenShowsTheServersErrorAndNoRuns() throws Exception {
    try (DevTools.Page page = openPage()) {
      signIn(page, "not-a-token");
      page.waitFor(
          "the server's error",
          "document.getElementById('error').textContent === 'the token is not valid for this server'",
          SHOWN);
      assertTrue(
          page.evaluate("document.getElementById('runs').hidden").asBoolean(), "no runs table");
      assertEquals(
          0, page.evaluate("document.getElementById('runs').tBodies[0].rows.length").asInt());
      assertEquals("", page.text("document.getElementById('who').textContent"));
      assertTrue(page.evaluate("sessionStorage.length === 0").asBoolean(), "no token kept");
    }
  }

  @Test
  void aWrongTokenAfterAGoodOneLeavesNothingOfTheFirstTenantOnThePage() throws Exception {
    try (DevTools.Page page = openPage()) {
      signIn(page, ALPHA);
      page.waitFor("alpha's runs", hasReportLink(alphaRuns.get(0)), SHOWN);
      signIn(page, "not-a-token");
      page.waitFor(
          "the server's error",
          "document.getElementById('error').textContent === 'the token is not valid for this server'",
          SHOWN);
      assertTrue(
          page.evaluate("document.getElementById('runs').hidden").asBoolean(), "no runs table");
      assertEquals(
          0, page.evaluate("document.getElementById('runs').tBodies[0].rows.length").asInt());
      assertEquals("", page.text("document.getElementById('who').textContent"));
      assertFalse(page.text("document.body.innerHTML").contains(alphaRuns.get(0)));
    }
  }

  @Test
  void aTenantSeesItsFinishedRunsAndNoneOfAnothers() throws Exception {
    try (DevTools.Page page = openPage()) {
      signIn(page, ALPHA);
      page.waitFor(
          "who is signed in",
          "document.getElementById('who').textContent === 'Signed in as tenant alpha'",
          SHOWN);
      for (String id : alphaRuns) {
        page.waitFor(id + " SUCCEEDED", status(id) + " === 'SUCCEEDED'", SHOWN);
        assertTrue(page.evaluate(hasReportLink(id)).asBoolean(), "report link of " + id);
      }
      assertEquals("", page.text("document.getElementById('error').textContent"));
      String html = page.text("document.documentElement.outerHTML");
      for (String id : betaRuns) {
        assertFalse(html.contains(id), "beta's run " + id + " on alpha's page");
      }
      assertNoToken(page, ALPHA);
      assertEquals(
          "none",
          page.text("getComputedStyle(" + tenantCell(alphaRuns.get(0)) + ").display"),
          "a tenant is not shown its own name on every row");
      assertEquals(ALPHA, page.text("sessionStorage.getItem('stagecraft-token')"));

      page.evaluate("document.getElementById('signout').click()");
      page.waitFor(
          "signed out",
          "document.getElementById('runs').hidden && document.getElementById('who').textContent === ''",
          SHOWN);
      assertFalse(page.text("document.body.innerHTML").contains(alphaRuns.get(0)));
      assertTrue(page.evaluate("sessionStorage.length === 0").asBoolean());
    }
  }

  @Test
  void aTenantWithNoRunsIsToldSo() throws Exception {
    try (DevTools.Page page = openPage()) {
      signIn(page, GAMMA);
      page.waitFor(
          "that gamma has no runs",
          "!document.getElementById('empty').hidden"
              + " && document.getElementById('empty').textContent.startsWith('No runs yet')",
          SHOWN);
      assertEquals(
          0, page.evaluate("document.getElementById('runs').tBodies[0].rows.length").asInt());
      assertEquals("", page.text("document.getElementById('error').textContent"));
    }
  }

  @Test
  void aTokenRevokedWhileSignedInSignsThePageOut() throws Exception {
    try (DevTools.Page page = openPage()) {
      signIn(page, GAMMA);
      page.waitFor("gamma signed in", "!document.getElementById('runs').hidden", SHOWN);
      try {
        TenantsYaml.write(tenantsFile, tenants("gamma-token-0002"));
        page.waitFor(
            "the server's error on the next refresh",
            "document.getElementById('error').textContent"
                + " === 'the token is not valid for this server'",
            SHOWN);
      } finally {
        TenantsYaml.write(tenantsFile, tenants(GAMMA));
      }
      assertTrue(page.evaluate("document.getElementById('runs').hidden").asBoolean());
      assertEquals("", page.text("document.getElementById('who').textContent"));
      assertTrue(page.evaluate("sessionStorage.length === 0").asBoolean(), "the token forgotten");
    }
  }

  @Test
  void anAdminSeesEveryTenantsRunsAndWhoseEachIs() throws Exception {
    try (DevTools.Page page = openPage()) {
      signIn(page, OPS);
      page.waitFor(
          "who is signed in",
          "document.getElementById('who').textContent === 'Signed in as admin ops'",
          SHOWN);
      for (String id : List.of(alphaRuns.get(0), betaRuns.get(0))) {
        page.waitFor(id + " SUCCEEDED", status(id) + " === 'SUCCEEDED'", SHOWN);
      }
      assertEquals("alpha", page.text(tenantCell(alphaRuns.get(0)) + ".textContent"));
      assertEquals("beta", page.text(tenantCell(betaRuns.get(0)) + ".textContent"));
      assertEquals(
          "table-cell",
          page.text("getComputedStyle(" + tenantCell(betaRuns.get(0)) + ").display"),
          "the tenant column is shown to an admin");
    }
  }

  /** JavaScript: the tenant cell in the row of a run. */
  private static String tenantCell(String runId) {
    return "document.querySelector('#runs tbody tr[data-run-id=\"" + runId + "\"] td.tenant')";
  }

  @Test
  void aNewRunShowsRunningAndQueuedThenSucceededWithoutAReload() throws Exception {
    try (DevTools.Page page = openPage()) {
      signIn(page, ALPHA);
      page.waitFor("alpha's runs", hasReportLink(alphaRuns.get(0)), SHOWN);
      page.evaluate("window.sameDocument = true");
      // alpha runs one at a time: the slow run holds its slot for longer than the page's refresh
      // interval, so the quick one after it is seen QUEUED, and the slow one RUNNING
      String slow =
          submit(
              ALPHA,
              "{\"pipeline\":\"workload\",\"params\":{\"loadMs\":3000,\"cleanMs\":10,"
                  + "\"featuresMs\":10,\"auditMs\":10,\"trainMs\":10,\"publishMs\":10}}");
      String queued = submit(ALPHA, QUICK);
      page.waitFor(
          slow + " RUNNING",
          status(slow) + " === 'RUNNING' && " + hasReportLink(slow),
          Duration.ofSeconds(10));
      page.waitFor(
          queued + " QUEUED with no report link",
          status(queued) + " === 'QUEUED' && !" + hasReportLink(queued),
          Duration.ofSeconds(10));
      page.waitFor(
          "both SUCCEEDED with report links",
          status(slow)
              + " === 'SUCCEEDED' && "
              + status(queued)
              + " === 'SUCCEEDED' && "
              + hasReportLink(slow)
              + " && "
              + hasReportLink(queued),
          RUN_TIMEOUT);
      assertTrue(page.evaluate("window.sameDocument === true").asBoolean(), "no reload");
    }
  }

  @Test
  void theReportLinkOpensTheRunsReport() throws Exception {
    String id = alphaRuns.get(0);
    try (DevTools.Page page = openPage()) {
      signIn(page, ALPHA);
      page.waitFor("the report link of " + id, hasReportLink(id), SHOWN);
      String fetched =
          page.text(
              "fetch('/api/v1/runs/"
                  + id
                  + "/report', {headers: {Authorization: 'Bearer ' +"
                  + " sessionStorage.getItem('stagecraft-token')}}).then(r => r.text())");
      assertTrue(fetched.startsWith("<!DOCTYPE html>"), fetched);
      assertTrue(fetched.contains(id), "the report names its run");

      page.evaluate(
          "document.querySelector('#runs tbody tr[data-run-id=\"" + id + "\"] a.report').click()");
      DevTools.Target opened = chromium.awaitPage("blob:" + server.url() + "/", SHOWN);
      try (DevTools.Page report = chromium.connect(opened)) {
        report.waitFor(
            "the report of " + id,
            "document.readyState === 'complete' && document.body.innerText.includes('" + id + "')",
            SHOWN);
        assertEquals(
            0,
            report.evaluate("sessionStorage.length").asInt(),
            "the report's window gets no copy of the token");
        assertTrue(report.evaluate("window.opener === null").asBoolean(), "no way back");
      }
      assertEquals("", page.text("document.getElementById('error').textContent"));
    }
  }

  @Test
  void thePageLoadsNothingFromElsewhere() throws Exception {
    Answer raw = server.get("/", null);
    assertEquals(200, raw.status());
    assertFalse(raw.body().contains("http://"), raw.body());
    assertFalse(raw.body().contains("https://"), raw.body());
    assertFalse(raw.body().contains("//cdn"), raw.body());
    try (DevTools.Page page = openPage()) {
      signIn(page, ALPHA);
      page.waitFor("alpha's runs", hasReportLink(alphaRuns.get(0)), SHOWN);
      String origin = server.url();
      JsonNode resources =
          page.evaluate("performance.getEntriesByType('resource').map(e => e.name)");
      for (JsonNode r : resources) {
        assertTrue(r.asText().startsWith(origin + "/"), "loaded " + r.asText());
      }
      JsonNode urls =
          page.evaluate(
              "[...document.querySelectorAll('[src],[href],link,script[src],img,iframe')]"
                  + ".map(e => e.getAttribute('src') || e.getAttribute('href') || '')");
      for (JsonNode u : urls) {
        String url = u.asText();
        assertTrue(
            url.startsWith("#") || url.startsWith("/") && !url.startsWith("//"),
            "a reference to " + url);
      }
      assertEquals(
          0, page.evaluate("document.querySelectorAll('script[src], link').length").asInt());
    }
  }
}
