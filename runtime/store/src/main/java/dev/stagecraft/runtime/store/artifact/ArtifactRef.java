package dev.stagecraft.runtime.store.artifact;

import java.util.Objects;

/**
 * A stored artifact: the SHA-256 of its file (its name in the store), the codec that wrote it and
 * its size in bytes. Equal values share one file.
 */
public record ArtifactRef(String sha256, String codec, long size) {
  public ArtifactRef {
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(codec, "codec");
  }
}
