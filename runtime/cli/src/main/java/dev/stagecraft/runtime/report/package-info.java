/**
 * The run report: one self-contained HTML page per recorded run, with the pipeline's DAG coloured
 * by stage state, a timeline of the stage executions, metrics, parameters, skip and failure
 * reasons, and the small outputs of stages (such as an A/B decision) as tables.
 *
 * <pre>{@code
 * RunReport report = RunReports.load(storeDir, runId, name -> Optional.empty());
 * ReportWriter.write(report, Path.of("report.html"));
 * }</pre>
 *
 * <p>The page is written by jte templates, {@code src/main/jte/report/page.jte} and a partial per
 * section, which the build compiles to Java in this package, so a template that does not type-check
 * fails the build, and which escape every text they write. What they show is prepared in Java as
 * records ({@code ReportPage} and the rows in it); the two drawings, whose geometry is computed,
 * are built as SVG by {@code DagSvg} and {@code TimelineSvg}.
 */
package dev.stagecraft.runtime.report;
