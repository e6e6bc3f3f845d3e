package dev.stagecraft.runtime.export;

import dev.stagecraft.runtime.export.tenant.ExportTenant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to export: the kind of document, the image every pod runs, the shared store (its claim and
 * where pods mount it), the service account and image pull secrets, the tenant, and the parameters
 * that are constants of the export because a rule of its plan read them.
 *
 * @param image the image with the CLI and the pipelines ({@link #DEFAULT_IMAGE} by default)
 * @param storePath where every pod mounts the store
 * @param storeClaim the ReadWriteMany PersistentVolumeClaim holding the store
 * @param fixedParams parameters a workflow parameter must not override (a plan rule read them)
 */
public record ExportOptions(
    Kind kind,
    String image,
    String storePath,
    String storeClaim,
    Optional<String> serviceAccount,
    List<String> imagePullSecrets,
    Optional<ExportTenant> tenant,
    Set<String> fixedParams) {

  /** The image the Dockerfile at the repository's root builds. */
  public static final String DEFAULT_IMAGE = "stagecraft:0.1.0";

  /** Where pods mount the store unless told otherwise. */
  public static final String DEFAULT_STORE_PATH = "/stagecraft";

  /** The store's claim unless told otherwise. */
  public static final String DEFAULT_STORE_CLAIM = "stagecraft-store";

  /** The kind of document. */
  public enum Kind {
    /** A run: submit it with {@code argo submit} or {@code kubectl create}. */
    Workflow,
    /** A reusable definition: {@code argo submit --from workflowtemplate/NAME}. */
    WorkflowTemplate
  }

  public ExportOptions {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(storePath, "storePath");
    Objects.requireNonNull(storeClaim, "storeClaim");
    Objects.requireNonNull(serviceAccount, "serviceAccount");
    imagePullSecrets = List.copyOf(imagePullSecrets);
    Objects.requireNonNull(tenant, "tenant");
    fixedParams = Set.copyOf(fixedParams);
    if (!storePath.startsWith("/")) {
      throw new ExportException(
          "--store-path "
              + storePath
              + " must be an absolute path inside the pods, e.g. /stagecraft");
    }
  }

  /** A Workflow with the default image, store path and claim, no tenant. */
  public static ExportOptions defaults() {
    return new ExportOptions(
        Kind.Workflow,
        DEFAULT_IMAGE,
        DEFAULT_STORE_PATH,
        DEFAULT_STORE_CLAIM,
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Set.of());
  }

  public ExportOptions withKind(Kind value) {
    return new ExportOptions(
        value, image, storePath, storeClaim, serviceAccount, imagePullSecrets, tenant, fixedParams);
  }

  public ExportOptions withTenant(ExportTenant value) {
    return new ExportOptions(
        kind,
        image,
        storePath,
        storeClaim,
        serviceAccount,
        imagePullSecrets,
        Optional.of(value),
        fixedParams);
  }
}
