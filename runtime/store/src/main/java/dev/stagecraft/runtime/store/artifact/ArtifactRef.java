package dev.stagecraft.runtime.store.artifact;

import java.util.Arrays;
import java.util.Objects;

/**
 * A stored artifact: the SHA-256 of its bytes (a header line naming the codec, then the codec's
 * bytes), the codec that wrote it and its size in bytes. Equal values share one artifact.
 *
 * <p>An artifact of at most {@link ArtifactStore#INLINE_BYTES} has no file: its bytes travel with
 * the reference ({@code inline}) and the store keeps them in its database. A larger one is the file
 * named by its SHA-256, and {@code inline} is null.
 */
public record ArtifactRef(String sha256, String codec, long size, byte[] inline) {
  public ArtifactRef {
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(codec, "codec");
    inline = inline == null ? null : inline.clone();
  }

  /** An artifact stored as a file. */
  public ArtifactRef(String sha256, String codec, long size) {
    this(sha256, codec, size, null);
  }

  /** The bytes of a small artifact (a copy), null for one stored as a file. */
  @Override
  public byte[] inline() {
    return inline == null ? null : inline.clone();
  }

  /** Whether the bytes travel with the reference instead of living in a file. */
  public boolean isInline() {
    return inline != null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ArtifactRef r
        && sha256.equals(r.sha256)
        && codec.equals(r.codec)
        && size == r.size
        && Arrays.equals(inline, r.inline);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sha256, codec, size, Arrays.hashCode(inline));
  }

  @Override
  public String toString() {
    return "ArtifactRef[sha256="
        + sha256
        + ", codec="
        + codec
        + ", size="
        + size
        + (inline == null ? "" : ", inline")
        + "]";
  }
}
