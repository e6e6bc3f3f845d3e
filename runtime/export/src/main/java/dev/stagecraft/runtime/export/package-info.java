/**
 * Export to Argo Workflows: {@link dev.stagecraft.runtime.export.ArgoExport} lowers a pipeline and
 * its resolved plan to a {@code Workflow} or {@code WorkflowTemplate} in which every stage is a DAG
 * task running the stage entrypoint ({@code stagecraft stage}) on a store the pods share. Edges
 * become {@code depends} expressions, {@code @When} conditions {@code when} expressions over output
 * and workflow parameters ({@link dev.stagecraft.runtime.export.WhenLowering}), fan-outs {@code
 * withItems} or {@code withParam} over indexes ({@link
 * dev.stagecraft.runtime.export.StageOutputs}); a begin task records the run and an exit handler
 * records every stage Argo skipped or omitted.
 */
package dev.stagecraft.runtime.export;
