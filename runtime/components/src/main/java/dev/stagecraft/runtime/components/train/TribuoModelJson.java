package dev.stagecraft.runtime.components.train;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import dev.stagecraft.runtime.store.codec.JsonViews;
import java.io.IOException;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Jackson's view of a Tribuo classification model: its bytes in Tribuo's own protobuf format
 * ({@link TribuoModels}), base64-encoded in a JSON string. With it a {@link TrainedModel}
 * round-trips through plain JSON, model included.
 */
public final class TribuoModelJson {
  private TribuoModelJson() {}

  /**
   * Writes the model as a base64 string of its Tribuo bytes; for a cache key, its {@link
   * TribuoModels#contentHash content hash} instead.
   */
  public static final class Serializer extends JsonSerializer<Model<Label>> {
    @Override
    public void serialize(Model<Label> model, JsonGenerator out, SerializerProvider provider)
        throws IOException {
      if (provider.getActiveView() == JsonViews.CacheKey.class) {
        out.writeString(TribuoModels.contentHash(model));
      } else {
        out.writeBinary(TribuoModels.toBytes(model));
      }
    }
  }

  /** Reads a model written by {@link Serializer}. */
  public static final class Deserializer extends JsonDeserializer<Model<Label>> {
    @Override
    public Model<Label> deserialize(JsonParser in, DeserializationContext context)
        throws IOException {
      return TribuoModels.fromBytes(in.getBinaryValue());
    }
  }
}
