package dev.stagecraft.runtime.store.codec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.stagecraft.runtime.store.Codec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON through Jackson for primitives, strings, enums, java.time values, records, POJOs, arrays,
 * collections and maps. An artifact is {@code {"type": CANONICAL_TYPE, "value": ...}}: the Java
 * type of the value, inferred from the value itself (a {@code List} of records is {@code
 * java.util.List<com.acme.Model>}), so reading gives back the same types without being told.
 */
public final class JsonCodec implements Codec {
  /** This codec's id. */
  public static final String ID = "json";

  private static final Set<Class<?>> SCALARS =
      Set.of(
          String.class,
          Boolean.class,
          Character.class,
          Byte.class,
          Short.class,
          Integer.class,
          Long.class,
          Float.class,
          Double.class,
          BigInteger.class,
          BigDecimal.class,
          UUID.class,
          URI.class);

  private final ObjectMapper mapper = JsonMappers.create();
  private final TypeInference types = new TypeInference(mapper.getTypeFactory());
  private final Map<Class<?>, Optional<String>> verdicts = new ConcurrentHashMap<>();
  private final Map<JavaType, TypeWriter> writers = new ConcurrentHashMap<>();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean canWrite(Object value) {
    return whyNot(value).isEmpty();
  }

  /** Why the value cannot be written and read back as JSON; empty when it can. */
  public Optional<String> whyNot(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Collection<?> c) {
      for (Object element : distinctClasses(c)) {
        Optional<String> why = whyNot(element);
        if (why.isPresent()) {
          return why;
        }
      }
      return Optional.empty();
    }
    if (value instanceof Map<?, ?> m) {
      for (Object key : m.keySet()) {
        if (key != null && !isKeyType(key.getClass())) {
          return Optional.of(
              "its map keys of type "
                  + key.getClass().getName()
                  + " cannot be JSON object"
                  + " keys (use strings, numbers, booleans, enums or UUIDs)");
        }
      }
      for (Object element : distinctClasses(m.values())) {
        Optional<String> why = whyNot(element);
        if (why.isPresent()) {
          return why;
        }
      }
      return Optional.empty();
    }
    if (value instanceof Object[] array) {
      return whyNot(java.util.Arrays.asList(array));
    }
    return verdicts.computeIfAbsent(value.getClass(), this::judge);
  }

  private static boolean isKeyType(Class<?> c) {
    return c == String.class
        || c == Integer.class
        || c == Long.class
        || c == Short.class
        || c == Byte.class
        || c == Double.class
        || c == Float.class
        || c == Boolean.class
        || c == Character.class
        || c == UUID.class
        || c.isEnum()
        || (c.getSuperclass() != null && c.getSuperclass().isEnum());
  }

  /** One element per distinct class (nested containers are all kept: their elements may differ). */
  private static Collection<Object> distinctClasses(Collection<?> values) {
    Map<Class<?>, Object> byClass = new java.util.LinkedHashMap<>();
    java.util.List<Object> containers = new java.util.ArrayList<>();
    for (Object v : values) {
      if (v instanceof Collection<?> || v instanceof Map<?, ?> || v instanceof Object[]) {
        containers.add(v);
      } else if (v != null) {
        byClass.putIfAbsent(v.getClass(), v);
      }
    }
    containers.addAll(byClass.values());
    return containers;
  }

  private Optional<String> judge(Class<?> c) {
    if (c.isPrimitive()
        || SCALARS.contains(c)
        || c.isEnum()
        || JsonMappers.TIME_TYPES.contains(c)
        || (c.isArray() && c.getComponentType().isPrimitive())) {
      return Optional.empty();
    }
    if (c.getSuperclass() != null && c.getSuperclass().isEnum()) {
      return Optional.empty(); // an enum constant with a body
    }
    if (c.isRecord()) {
      return Optional.empty();
    }
    if (c == Optional.class) {
      return Optional.of("Optional is not stored; return the value itself or null");
    }
    if (c.isSynthetic()
        || c.isAnonymousClass()
        || c.isLocalClass()
        || c.getName().contains("$$Lambda")) {
      return Optional.of("it is a lambda, anonymous or local class, which cannot be created again");
    }
    if (c.isMemberClass() && !Modifier.isStatic(c.getModifiers())) {
      return Optional.of("it is an inner (non-static) class; make it static or a record");
    }
    String name = c.getName();
    if (name.startsWith("java.")
        || name.startsWith("javax.")
        || name.startsWith("jdk.")
        || name.startsWith("sun.")) {
      return Optional.of("JSON does not store this JDK type");
    }
    if (!hasCreator(c)) {
      return Optional.of("JSON needs a no-argument constructor or a @JsonCreator to read it back");
    }
    JavaType type = mapper.constructType(c);
    BeanDescription bean = mapper.getSerializationConfig().introspect(type);
    if (bean.findProperties().isEmpty()) {
      return Optional.of("JSON found no properties (getters or public fields) to store");
    }
    return Optional.empty();
  }

  private static boolean hasCreator(Class<?> c) {
    for (Constructor<?> k : c.getDeclaredConstructors()) {
      if (k.getParameterCount() == 0 || k.isAnnotationPresent(JsonCreator.class)) {
        return true;
      }
    }
    for (Method m : c.getDeclaredMethods()) {
      if (Modifier.isStatic(m.getModifiers()) && m.isAnnotationPresent(JsonCreator.class)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void write(Object value, OutputStream out) throws IOException {
    write(value, out, false);
  }

  /**
   * The value in the view {@link JsonViews.CacheKey}: properties annotated {@code
   * JsonViews.NotInCacheKey} left out, and serializers that tell the views apart writing their key
   * form.
   */
  @Override
  public void writeKey(Object value, OutputStream out) throws IOException {
    write(value, out, true);
  }

  private void write(Object value, OutputStream out, boolean key) throws IOException {
    TypeWriter writer = writers.computeIfAbsent(types.of(value), TypeWriter::new);
    try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("type", writer.canonical);
      g.writeFieldName("value");
      (key ? writer.keyWriter : writer.writer).writeValue(g, value);
      g.writeEndObject();
    }
  }

  /**
   * How values of one type are written: its canonical name and Jackson's writers for it, for
   * artifacts and for cache keys.
   */
  private final class TypeWriter {
    final String canonical;
    final ObjectWriter writer;
    final ObjectWriter keyWriter;

    TypeWriter(JavaType type) {
      this.canonical = type.toCanonical();
      this.writer = mapper.writerFor(type);
      this.keyWriter = writer.withView(JsonViews.CacheKey.class);
    }
  }

  @Override
  public Object read(InputStream in, ReadContext context) throws IOException {
    try (JsonParser p = mapper.getFactory().createParser(in)) {
      p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      expect(p, JsonToken.START_OBJECT);
      expectField(p, "type");
      expect(p, JsonToken.VALUE_STRING);
      JavaType type = chooseType(p.getText(), context.expectedType());
      expectField(p, "value");
      p.nextToken();
      return mapper.readerFor(type).readValue(p);
    }
  }

  private JavaType chooseType(String canonical, java.lang.reflect.Type expected) {
    TypeFactory factory = mapper.getTypeFactory();
    JavaType declared = factory.constructType(expected == null ? Object.class : expected);
    JavaType stored;
    try {
      stored = factory.constructFromCanonical(canonical);
    } catch (IllegalArgumentException e) {
      return declared; // the stored class is gone; trust what the consumer declared
    }
    if (declared.getRawClass() == Object.class
        || declared.getRawClass().isAssignableFrom(stored.getRawClass())) {
      return stored;
    }
    return declared;
  }

  private static void expect(JsonParser p, JsonToken token) throws IOException {
    JsonToken t = p.nextToken();
    if (t != token) {
      throw new IOException(
          "not a Stagecraft JSON artifact: expected " + token + " but found " + t);
    }
  }

  private static void expectField(JsonParser p, String name) throws IOException {
    expect(p, JsonToken.FIELD_NAME);
    if (!p.currentName().equals(name)) {
      throw new IOException(
          "not a Stagecraft JSON artifact: expected field '"
              + name
              + "' but found '"
              + p.currentName()
              + "'");
    }
  }
}
