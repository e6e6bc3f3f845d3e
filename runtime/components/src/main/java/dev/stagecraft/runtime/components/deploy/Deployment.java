package dev.stagecraft.runtime.components.deploy;

/**
 * One version deployed to a target, with where it came from. Written as JSON next to the model.
 *
 * @param target the target, e.g. {@code production}
 * @param version the version number within the target, from 1
 * @param runId the run that produced the model
 * @param stage the stage (instance) that produced the model, e.g. {@code train[1]}
 * @param modelType the model type's id, e.g. {@code random_forest}
 * @param accuracy the model's held-out accuracy, when known
 * @param sha256 the model file's SHA-256, hex
 * @param sizeBytes the model file's size
 * @param deployedAt when it was deployed, ISO-8601 UTC
 * @param previousVersion the version that was current when this one was deployed (where a rollback
 *     goes), {@code null} for the first
 */
public record Deployment(
    String target,
    int version,
    String runId,
    String stage,
    String modelType,
    Double accuracy,
    String sha256,
    long sizeBytes,
    String deployedAt,
    Integer previousVersion) {}
