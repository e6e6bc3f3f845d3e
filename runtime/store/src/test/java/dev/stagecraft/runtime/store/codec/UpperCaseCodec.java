package dev.stagecraft.runtime.store.codec;

import dev.stagecraft.runtime.store.Codec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A user codec registered in the test resources' META-INF/services: stores {@link Shout}
 * upper-cased.
 */
public final class UpperCaseCodec implements Codec {
  @Override
  public String id() {
    return "test-upper";
  }

  @Override
  public boolean canWrite(Object value) {
    return value instanceof Shout;
  }

  @Override
  public void write(Object value, OutputStream out) throws IOException {
    out.write(
        ((Shout) value).text().toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Object read(InputStream in, ReadContext context) throws IOException {
    return new Shout(new String(in.readAllBytes(), StandardCharsets.UTF_8));
  }
}
