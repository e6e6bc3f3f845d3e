package dev.stagecraft.runtime.components.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Writes and reads classification models in Tribuo's own protobuf format ({@code
 * Model.serializeToStream} / {@code Model.deserializeFromStream}), never Java serialization.
 */
public final class TribuoModels {
  private TribuoModels() {}

  /** Writes {@code model} to {@code out} (which stays open). */
  public static void write(Model<Label> model, OutputStream out) throws IOException {
    model.serializeToStream(out);
  }

  /**
   * Reads a classification model written by {@link #write}.
   *
   * @throws IOException when the bytes are not a Tribuo model, or not a classification one
   */
  public static Model<Label> read(InputStream in) throws IOException {
    Model<?> model;
    try {
      model = Model.deserializeFromStream(in);
    } catch (IOException | RuntimeException e) {
      throw new IOException("not a Tribuo model: " + e.getMessage(), e);
    }
    if (!model.validate(Label.class)) {
      throw new IOException("Tribuo model '" + model.getName() + "' is not a classification model");
    }
    return model.castModel(Label.class);
  }

  /** The model's bytes. */
  public static byte[] toBytes(Model<Label> model) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(model, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A model from its bytes. */
  public static Model<Label> fromBytes(byte[] bytes) throws IOException {
    return read(new ByteArrayInputStream(bytes));
  }
}
