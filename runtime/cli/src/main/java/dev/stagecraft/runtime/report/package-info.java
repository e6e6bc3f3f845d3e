/**
 * The run report: one self-contained HTML page per recorded run, with the pipeline's DAG coloured
 * by stage state, a timeline of the stage executions, metrics, parameters, skip and failure
 * reasons, and the small outputs of stages (such as an A/B decision) as tables.
 *
 * <pre>{@code
 * RunReport report = RunReports.load(storeDir, runId, name -> Optional.empty());
 * ReportWriter.write(report, Path.of("report.html"));
 * }</pre>
 */
package dev.stagecraft.runtime.report;
