package dev.stagecraft.runtime.report;

import gg.jte.output.StringOutput;

/**
 * Renders a {@link RunReport} as one self-contained HTML page: inline CSS and SVG only, no scripts,
 * fonts or other files, so it opens anywhere without a network. The page is the jte template {@code
 * src/main/jte/report/page.jte} with its partials, compiled to Java by the build; every text from
 * the run is escaped.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /** The page. */
  public static String render(RunReport report) {
    StringOutput html = new StringOutput(32_768);
    // The jte-maven-plugin compiles report/page.jte to this class (its packageName is
    // dev.stagecraft.runtime). Calling it directly, as jte's typed facades do, lets javac check the
    // page's parameter and needs no TemplateEngine, which would find the class by reflection
    // through the thread's context class loader. No tags are intercepted: null.
    JtepageGenerated.render(new PrintableHtmlOutput(html), null, ReportPage.of(report));
    return html.toString();
  }
}
