package dev.stagecraft.runtime.components.deploy;

/**
 * One version deployed to a model's target, with where it came from. Written as JSON next to the
 * model.
 *
 * @param model the model's name: targets belong to a model, so one model's {@code production} never
 *     holds another's ({@value ModelRegistry#DEFAULT_MODEL} for versions deployed before models had
 *     names)
 * @param target the target, e.g. {@code production}
 * @param version the version number within the model's target, from 1
 * @param runId the run that produced the model
 * @param stage the stage (instance) that produced the model, e.g. {@code train[1]}
 * @param dataSet the data set the model was trained on (a path, or a bundled data set's name);
 *     {@code null} when not recorded
 * @param modelType the model type's id, e.g. {@code random_forest}
 * @param accuracy the model's held-out accuracy, when known
 * @param sha256 the model file's SHA-256, hex
 * @param sizeBytes the model file's size
 * @param deployedAt when it was deployed, ISO-8601 UTC
 * @param previousVersion the version that was current when this one was deployed (where a rollback
 *     goes), {@code null} for the first
 */
public record Deployment(
    String model,
    String target,
    int version,
    String runId,
    String stage,
    String dataSet,
    String modelType,
    Double accuracy,
    String sha256,
    long sizeBytes,
    String deployedAt,
    Integer previousVersion) {

  /** The same record with its model named (records written before models had names lack it). */
  Deployment withModel(String name) {
    return new Deployment(
        name,
        target,
        version,
        runId,
        stage,
        dataSet,
        modelType,
        accuracy,
        sha256,
        sizeBytes,
        deployedAt,
        previousVersion);
  }
}
