/**
 * Plans: how a pipeline runs for a situation, resolved before anything runs. A {@link
 * dev.stagecraft.runtime.plan.Profile} of facts about the run, a checked {@link
 * dev.stagecraft.runtime.plan.Template} (environment overlays and rules, read from a tree of any
 * file format, {@link dev.stagecraft.runtime.plan.ConfigTree}) and the built-in rules ({@link
 * dev.stagecraft.runtime.plan.BuiltInRule}) give a {@link dev.stagecraft.runtime.plan.Plan}: every
 * stage's resources, parallelism, optimizations, retries, timeout, whether it runs, each change
 * with its rule, the problems that keep it from running, and the structure's predictions and
 * metrics. {@link dev.stagecraft.runtime.plan.Planner} resolves it and {@link
 * dev.stagecraft.runtime.plan.PlannedRun} runs it. Conditions of templates use the {@code @When}
 * language through the shared checker; nothing is evaluated as code.
 */
package dev.stagecraft.runtime.plan;
