package dev.stagecraft.runtime.plan;

/**
 * How complex a pipeline is.
 *
 * @param nodeCount declared stages
 * @param dependencyDensity distinct stage-to-stage edges over n (n - 1); 0 for one stage
 * @param conditionalBranches 1 + stages with a {@code @When}
 * @param resourceVariability 1 + the population standard deviation of the stages' planned CPU
 *     requests in cores
 * @param complexityScore the product of the four above
 * @param shape {@code LINEAR} when the stages form one chain without fan-out, else {@code DAG}
 *     (pipelines started by triggers will add {@code EVENT_DRIVEN} and {@code HYBRID})
 */
public record PlanMetrics(
    double complexityScore,
    int nodeCount,
    double dependencyDensity,
    int conditionalBranches,
    double resourceVariability,
    Shape shape) {

  /** The form of a pipeline's graph. */
  public enum Shape {
    LINEAR,
    DAG
  }
}
