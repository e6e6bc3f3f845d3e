/**
 * Plans as the store writes them: {@link dev.stagecraft.runtime.store.plan.PlanJson}, the JSON form
 * a run records and {@code stagecraft plan --json} prints.
 */
package dev.stagecraft.runtime.store.plan;
