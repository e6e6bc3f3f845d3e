package dev.stagecraft.runtime.components.train;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.MapProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DateTimeProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import dev.stagecraft.runtime.io.Sha256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Writes and reads Tribuo models in Tribuo's own protobuf format ({@code Model.serializeToStream} /
 * {@code Model.deserializeFromStream}), never Java serialization: the one place the store's codec,
 * the JSON form of a {@link TrainedModel} and the model registry go through.
 *
 * <p>A model's bytes carry its provenance, with the time it was trained and the time its data set
 * was created, so two trainings of the same model on the same data differ in their bytes. {@link
 * #contentHash} leaves those times out: what cache keys hash, so that they depend on what a model
 * computes, not on when it was trained.
 */
public final class TribuoModels {
  private TribuoModels() {}

  /** Writes {@code model} to {@code out} (which stays open). */
  public static void write(Model<?> model, OutputStream out) throws IOException {
    model.serializeToStream(out);
  }

  /**
   * Reads any model written by {@link #write}.
   *
   * @throws IOException when the bytes are not a Tribuo model
   */
  public static Model<?> readAny(InputStream in) throws IOException {
    try {
      return Model.deserializeFromStream(in);
    } catch (IOException | RuntimeException e) {
      throw new IOException("not a Tribuo model: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a classification model written by {@link #write}.
   *
   * @throws IOException when the bytes are not a Tribuo model, or not a classification one
   */
  public static Model<Label> read(InputStream in) throws IOException {
    Model<?> model = readAny(in);
    if (!model.validate(Label.class)) {
      throw new IOException("Tribuo model '" + model.getName() + "' is not a classification model");
    }
    return model.castModel(Label.class);
  }

  /** The model's bytes. */
  public static byte[] toBytes(Model<?> model) {
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

  /**
   * The SHA-256 (hex) of the model's bytes with every time of its provenance blanked: equal for two
   * trainings that computed the same model, different as soon as a weight, a split, a feature or a
   * hyperparameter differs. Each time is overwritten in place by as many {@code '0'}s, so the
   * protobuf framing around it is untouched.
   */
  public static String contentHash(Model<?> model) {
    byte[] bytes = toBytes(model);
    Set<String> times = new LinkedHashSet<>();
    collectTimes(model.getProvenance(), times);
    for (String time : times) {
      blank(bytes, time.getBytes(StandardCharsets.UTF_8));
    }
    return Sha256.hexOf(bytes);
  }

  private static void collectTimes(Provenance p, Set<String> out) {
    if (p instanceof DateTimeProvenance time) {
      out.add(time.getValue().toString());
    } else if (p instanceof ObjectProvenance object) {
      for (Pair<String, Provenance> member : object) {
        collectTimes(member.getB(), out);
      }
    } else if (p instanceof ListProvenance<?> list) {
      for (Provenance element : list) {
        collectTimes(element, out);
      }
    } else if (p instanceof MapProvenance<?> map) {
      for (Pair<String, ? extends Provenance> entry : map) {
        collectTimes(entry.getB(), out);
      }
    }
  }

  /** Overwrites every occurrence of {@code text} in {@code bytes} with {@code '0'}s. */
  private static void blank(byte[] bytes, byte[] text) {
    outer:
    for (int i = 0; i + text.length <= bytes.length; i++) {
      for (int j = 0; j < text.length; j++) {
        if (bytes[i + j] != text[j]) {
          continue outer;
        }
      }
      java.util.Arrays.fill(bytes, i, i + text.length, (byte) '0');
      i += text.length - 1;
    }
  }
}
