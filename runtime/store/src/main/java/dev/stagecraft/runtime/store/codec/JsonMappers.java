package dev.stagecraft.runtime.store.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.function.Function;

/**
 * The one way the runtime makes a Jackson mapper: deterministic output (map entries by key) and
 * ISO-8601 text for java.time values. The JSON codec, the run history, the components and the
 * command line all take theirs from here.
 *
 * <pre>{@code
 * private static final ObjectMapper JSON = JsonMappers.create();
 * }</pre>
 */
public final class JsonMappers {
  private JsonMappers() {}

  /** The java.time types written as their ISO-8601 text. */
  static final java.util.Set<Class<?>> TIME_TYPES =
      java.util.Set.of(
          LocalDate.class,
          LocalDateTime.class,
          LocalTime.class,
          Instant.class,
          Duration.class,
          OffsetDateTime.class,
          Period.class);

  /** A new mapper; configure nothing on it after it is shared. */
  public static ObjectMapper create() {
    SimpleModule time = new SimpleModule("stagecraft-java-time");
    text(time, LocalDate.class, LocalDate::parse);
    text(time, LocalDateTime.class, LocalDateTime::parse);
    text(time, LocalTime.class, LocalTime::parse);
    text(time, Instant.class, Instant::parse);
    text(time, Duration.class, Duration::parse);
    text(time, OffsetDateTime.class, OffsetDateTime::parse);
    text(time, Period.class, Period::parse);
    ObjectMapper mapper = new ObjectMapper();
    mapper.registerModule(time);
    mapper.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    return mapper;
  }

  /** A new mapper that writes indented JSON, for files and output people read. */
  public static ObjectMapper indented() {
    return create().enable(SerializationFeature.INDENT_OUTPUT);
  }

  private static <T> void text(SimpleModule module, Class<T> type, Function<String, T> parse) {
    module.addSerializer(type, ToStringSerializer.instance);
    module.addDeserializer(
        type,
        new StdScalarDeserializer<T>(type) {
          private static final long serialVersionUID = 1L;

          @Override
          public T deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            String text = p.getValueAsString();
            try {
              return parse.apply(text);
            } catch (RuntimeException e) {
              return type.cast(
                  ctx.handleWeirdStringValue(type, text, "not ISO-8601: %s", e.getMessage()));
            }
          }
        });
  }
}
