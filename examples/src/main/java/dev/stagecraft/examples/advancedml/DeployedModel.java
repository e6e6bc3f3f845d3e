package dev.stagecraft.examples.advancedml;

import dev.stagecraft.runtime.Summarizable;
import dev.stagecraft.runtime.components.deploy.Deployment;
import java.util.List;

/**
 * A model a deployment stage put in service, and why.
 *
 * @param variant the deployed variant
 * @param deployment the registry's record: model, target, version, run, stage, data set, model
 *     type, accuracy
 * @param registry the registry's directory
 * @param why why this model went to this target
 */
public record DeployedModel(String variant, Deployment deployment, String registry, String why)
    implements Summarizable {

  /** The target deployed to. */
  public String target() {
    return deployment.target();
  }

  @Override
  public List<String> summaryLines() {
    return List.of(
        String.format(
            "deployed variant %s (%s, test accuracy %.4f) to %s of model %s as version %d: %s",
            variant,
            deployment.modelType(),
            deployment.accuracy(),
            deployment.target(),
            deployment.model(),
            deployment.version(),
            why),
        "registry: " + registry + " (./stagecraft deployments lists every version)");
  }
}
