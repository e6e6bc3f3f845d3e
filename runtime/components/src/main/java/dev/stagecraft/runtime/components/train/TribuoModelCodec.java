package dev.stagecraft.runtime.components.train;

import dev.stagecraft.runtime.store.Codec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.tribuo.Model;

/**
 * A Tribuo {@link Model} in Tribuo's own protobuf format ({@link TribuoModels}, never Java
 * serialization); its cache key is the model's {@link TribuoModels#contentHash content hash}, so it
 * does not change with the time the model was trained. Records that hold a model next to plain data
 * need their own codec (registered through {@code META-INF/services}), since JSON skips the model.
 */
public final class TribuoModelCodec implements Codec {
  /** This codec's id. */
  public static final String ID = "tribuo";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean canWrite(Object value) {
    return value instanceof Model<?>;
  }

  @Override
  public void write(Object value, OutputStream out) throws IOException {
    TribuoModels.write((Model<?>) value, out);
  }

  @Override
  public void writeKey(Object value, OutputStream out) throws IOException {
    out.write(TribuoModels.contentHash((Model<?>) value).getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public Object read(InputStream in, ReadContext context) throws IOException {
    return TribuoModels.readAny(in);
  }
}
