package dev.stagecraft.runtime.store.codec;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Streams handed to codecs and archive wrappers: closing them leaves the underlying stream open.
 */
public final class NonClosing extends FilterOutputStream {
  /** Writes through to {@code out}; closing only flushes. */
  public NonClosing(OutputStream out) {
    super(out);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
  }

  @Override
  public void close() throws IOException {
    flush();
  }

  /** The input side. */
  public static final class Input extends FilterInputStream {
    /** Reads from {@code in}; closing does nothing. */
    public Input(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // leave the underlying stream open
    }
  }
}
