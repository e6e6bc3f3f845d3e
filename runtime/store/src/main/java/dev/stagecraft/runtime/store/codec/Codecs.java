package dev.stagecraft.runtime.store.codec;

import dev.stagecraft.runtime.store.Codec;
import dev.stagecraft.runtime.store.UnstorableOutputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The codecs in the order they are asked: those registered through {@link ServiceLoader} first (the
 * components register Tablesaw tables and Tribuo models this way), then the built-ins: paths, and
 * JSON last, as it takes most values.
 */
public final class Codecs {
  private final List<Codec> codecs;

  private Codecs(List<Codec> codecs) {
    this.codecs = List.copyOf(codecs);
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (Codec c : codecs) {
      if (!ids.add(c.id())) {
        throw new IllegalArgumentException(
            "two codecs share the id '"
                + c.id()
                + "'; give "
                + c.getClass().getName()
                + " another id");
      }
    }
  }

  /**
   * The registered codecs (from the class path of this class and the thread's class loader) then
   * the built-ins.
   */
  public static Codecs standard() {
    List<Codec> all = new ArrayList<>();
    java.util.Set<Class<?>> seen = new java.util.HashSet<>();
    for (ClassLoader loader :
        new ClassLoader[] {
          Thread.currentThread().getContextClassLoader(), Codecs.class.getClassLoader()
        }) {
      if (loader == null) {
        continue;
      }
      for (Codec c : ServiceLoader.load(Codec.class, loader)) {
        if (seen.add(c.getClass())) {
          all.add(c);
        }
      }
    }
    all.addAll(builtIns());
    return new Codecs(all);
  }

  /** Exactly these codecs, asked in this order. */
  public static Codecs of(List<Codec> codecs) {
    return new Codecs(codecs);
  }

  /** These codecs first, then the built-ins. */
  public static Codecs withBuiltIns(List<Codec> first) {
    List<Codec> all = new ArrayList<>(first);
    all.addAll(builtIns());
    return new Codecs(all);
  }

  private static List<Codec> builtIns() {
    return List.of(new PathCodec(), new JsonCodec());
  }

  /** Every codec, in the order they are asked. */
  public List<Codec> all() {
    return codecs;
  }

  /**
   * The first codec that writes the value.
   *
   * @param owner the stage instance that produced it, for the message ({@code ""} when unknown)
   * @throws UnstorableOutputException when none does, naming the type and what to do
   */
  public Codec forValue(Object value, String owner) {
    for (Codec c : codecs) {
      if (c.canWrite(value)) {
        return c;
      }
    }
    String why = "no codec handles it";
    for (Codec c : codecs) {
      if (c instanceof JsonCodec json) {
        why = json.whyNot(value).orElse(why);
      }
    }
    throw new UnstorableOutputException(owner, value.getClass(), why);
  }

  /** The codec with that id. */
  public Optional<Codec> byId(String id) {
    for (Codec c : codecs) {
      if (c.id().equals(id)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
