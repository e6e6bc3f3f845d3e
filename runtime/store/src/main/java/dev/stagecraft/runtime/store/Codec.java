package dev.stagecraft.runtime.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.nio.file.Path;

/**
 * Turns stage outputs of some types into bytes and back, so the store can keep them for caching,
 * resume and other processes. Never Java native serialization.
 *
 * <p>Register your own in {@code META-INF/services/dev.stagecraft.runtime.store.Codec} (one class
 * name per line, with a public no-argument constructor); registered codecs are asked before the
 * built-ins (paths, then JSON for everything Jackson can read back). The components register the
 * codecs of Tablesaw tables and Tribuo models this way.
 *
 * <pre>{@code
 * public final class ModelCodec implements Codec {
 *   public String id() { return "acme-model"; }
 *   public boolean canWrite(Object value) { return value instanceof AcmeModel; }
 *   public void write(Object value, OutputStream out) throws IOException { ((AcmeModel) value).save(out); }
 *   public Object read(InputStream in, ReadContext context) throws IOException { return AcmeModel.load(in); }
 * }
 * }</pre>
 *
 * @see dev.stagecraft.runtime.store.codec.JsonViews
 */
public interface Codec {
  /**
   * A stable id stored with every artifact this codec writes (lowercase, digits, dashes); never
   * change it once artifacts exist, since reading looks the codec up by it.
   */
  String id();

  /** Whether this codec writes the value (and can read it back). Called with {@code null} too. */
  boolean canWrite(Object value);

  /**
   * Writes the value. Equal values should give equal bytes: cache keys hash them. Do not close
   * {@code out}.
   */
  void write(Object value, OutputStream out) throws IOException;

  /**
   * Writes what a cache key hashes for the value: by default its bytes ({@link #write}). Override
   * it when the bytes also carry what does not change what the value is or computes (a timestamp, a
   * timing), so that equal values give equal keys; a JSON property that is such a detail is
   * annotated {@code @JsonView(JsonViews.NotInCacheKey.class)} instead. Do not close {@code out}.
   */
  default void writeKey(Object value, OutputStream out) throws IOException {
    write(value, out);
  }

  /** Reads back a value this codec wrote. Do not close {@code in}. */
  Object read(InputStream in, ReadContext context) throws IOException;

  /**
   * What a reader knows besides the bytes.
   *
   * @param expectedType the type the consumer declared ({@code Object.class} when unknown)
   * @param directory a directory owned by this artifact where a codec may unpack files (created on
   *     demand by the codec, e.g. for {@code Path} outputs)
   */
  record ReadContext(Type expectedType, Path directory) {}
}
