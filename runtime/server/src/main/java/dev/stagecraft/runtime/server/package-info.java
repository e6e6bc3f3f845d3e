/**
 * The pipeline server ({@code stagecraft serve}): {@link
 * dev.stagecraft.runtime.server.PipelineServer} answers the HTTP API and the page on Javalin;
 * {@code Admission} checks a submission (permissions, the plan with the tenant's defaults and
 * quota); {@code ServerRuns} records each in the tenant's store before answering, queues and runs
 * them on the shared executor, and takes them up again after a restart; {@code RunViews} answers
 * what a caller may see of runs; {@code TenantsFile} reads the tenants and reads them again when
 * the file changes. Each tenant's runs live in a store of their own under {@code STORE/tenants/ID}.
 */
package dev.stagecraft.runtime.server;
