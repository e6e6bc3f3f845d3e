package dev.stagecraft.runtime.components.train;

import dev.stagecraft.runtime.store.Codec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.tribuo.Model;

/**
 * A Tribuo {@link Model} in Tribuo's own protobuf format ({@code serializeToStream}, never Java
 * serialization). Records that hold a model next to plain data need their own codec (registered
 * through {@code META-INF/services}), since JSON skips the model.
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
    ((Model<?>) value).serializeToStream(out);
  }

  @Override
  public Object read(InputStream in, ReadContext context) throws IOException {
    try {
      return Model.deserializeFromStream(in);
    } catch (RuntimeException e) {
      throw new IOException("not a Tribuo model: " + e.getMessage(), e);
    }
  }
}
