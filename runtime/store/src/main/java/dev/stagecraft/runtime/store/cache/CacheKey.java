package dev.stagecraft.runtime.store.cache;

import dev.stagecraft.runtime.io.Sha256;
import dev.stagecraft.runtime.store.artifact.ArtifactStore;
import dev.stagecraft.runtime.store.codec.Codecs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The identity of a cached stage result: SHA-256 over the pipeline, the stage, its {@code version},
 * the codec bytes of its inputs, parameters and item, and the optimizations its plan switched on
 * (when there are any, so keys without them stay as they were). Inputs and parameters are taken in
 * name order, so the order they are added in does not matter; each value is hashed on its own and
 * its digest fed to the key's, so no two different sets of parts give the same stream of bytes.
 *
 * <pre>{@code
 * CacheKey key = CacheKey.builder("advanced-ml", "preprocess", "1")
 *     .param("targetColumn", "diagnosis")
 *     .input("ingest", table)
 *     .build(codecs);
 * }</pre>
 *
 * @param hex the key as 64 lowercase hex digits
 */
public record CacheKey(String hex) {
  public CacheKey {
    Objects.requireNonNull(hex, "hex");
  }

  /**
   * The key of an execution: its pipeline, stage, version, inputs, parameters, item and
   * optimizations, hashed through {@code codecs}.
   *
   * @throws dev.stagecraft.runtime.store.UnstorableOutputException when an input, param or item has
   *     no codec (it cannot be part of a key)
   */
  public static CacheKey of(dev.stagecraft.runtime.engine.StageKey key, Codecs codecs) {
    Builder builder = builder(key.pipeline(), key.stage(), key.version());
    key.inputs().forEach(builder::input);
    key.params().forEach(builder::param);
    key.item().ifPresent(builder::item);
    builder.optimizations(key.optimizations());
    return builder.build(codecs);
  }

  /** Starts a key for a stage of a pipeline at a version. */
  public static Builder builder(String pipeline, String stage, String version) {
    return new Builder(pipeline, stage, version);
  }

  @Override
  public String toString() {
    return hex;
  }

  /** Collects the parts of a key. */
  public static final class Builder {
    private final String pipeline;
    private final String stage;
    private final String version;
    private final Map<String, Object> inputs = new TreeMap<>();
    private final Map<String, Object> params = new TreeMap<>();
    private Optional<Object> item = Optional.empty();
    private boolean hasItem;
    private List<String> optimizations = List.of();

    private Builder(String pipeline, String stage, String version) {
      this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
      this.stage = Objects.requireNonNull(stage, "stage");
      this.version = Objects.requireNonNull(version, "version");
    }

    /** The output of an upstream stage the stage reads (a fan-out's outputs as their list). */
    public Builder input(String name, Object value) {
      inputs.put(name, value);
      return this;
    }

    /** A parameter the stage reads, as its typed value (a {@code Path} hashes its content). */
    public Builder param(String name, Object value) {
      params.put(name, value);
      return this;
    }

    /** The item of a fan-out instance. */
    public Builder item(Object value) {
      item = Optional.ofNullable(value);
      hasItem = true;
      return this;
    }

    /** The optimizations switched on for the stage, in order. */
    public Builder optimizations(List<String> names) {
      optimizations = List.copyOf(names);
      return this;
    }

    /**
     * Hashes everything.
     *
     * @throws dev.stagecraft.runtime.store.UnstorableOutputException when an input, parameter or
     *     item has no codec
     */
    public CacheKey build(Codecs codecs) {
      MessageDigest sha = Sha256.digest();
      text(sha, "stagecraft-cache-key 1");
      text(sha, pipeline);
      text(sha, stage);
      text(sha, version);
      parts(sha, codecs, "inputs", inputs);
      parts(sha, codecs, "params", params);
      text(sha, hasItem ? "item" : "no item");
      if (hasItem) {
        sha.update(ArtifactStore.digest(codecs, item.orElse(null), stage));
      }
      if (!optimizations.isEmpty()) {
        text(sha, "optimizations " + optimizations.size());
        optimizations.forEach(name -> text(sha, name));
      }
      return new CacheKey(Sha256.hex(sha.digest()));
    }

    private static void parts(
        MessageDigest sha, Codecs codecs, String kind, Map<String, Object> parts) {
      text(sha, kind + " " + parts.size());
      for (Map.Entry<String, Object> e : parts.entrySet()) {
        text(sha, e.getKey());
        sha.update(ArtifactStore.digest(codecs, e.getValue(), e.getKey()));
      }
    }

    private static void text(MessageDigest sha, String s) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      sha.update(ByteLength.of(bytes.length));
      sha.update(bytes);
    }
  }

  /** Big-endian four-byte lengths that frame each text part. */
  private static final class ByteLength {
    static byte[] of(int n) {
      return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }
  }
}
