package dev.stagecraft.runtime.store.codec;

/**
 * The Jackson views the JSON codec writes with. A value is written for a cache key in the view
 * {@link CacheKey}; a property that does not change what the value is or computes (a timing, a
 * timestamp) is annotated {@code @JsonView(JsonViews.NotInCacheKey.class)}: it is stored, and left
 * out of keys, so two runs that compute the same value share the cached results downstream.
 *
 * <pre>{@code
 * public record Trial(double score, @JsonView(JsonViews.NotInCacheKey.class) long durationMs) {}
 * }</pre>
 *
 * A custom serializer tells the two apart with {@code provider.getActiveView() ==
 * JsonViews.CacheKey.class}.
 */
public final class JsonViews {
  private JsonViews() {}

  /** The view in which a value is written for a cache key. */
  public interface CacheKey {}

  /** The view of properties that are stored but left out of cache keys. */
  public interface NotInCacheKey {}
}
