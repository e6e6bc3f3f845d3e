package dev.stagecraft.runtime.store;

import dev.stagecraft.runtime.UserInputException;

/** A stage output that no codec can store: names the type and the ways to make it storable. */
public class UnstorableOutputException extends UserInputException {
  private static final long serialVersionUID = 1L;

  private final String typeName;

  /**
   * For a value of that type, returned by the stage instance {@code owner} (empty when unknown).
   */
  public UnstorableOutputException(String owner, Class<?> type, String why) {
    super(
        (owner.isEmpty() ? "an output" : "the output of stage '" + owner + "'")
            + " of type "
            + type.getName()
            + " cannot be stored: "
            + why
            + "; return a record or a POJO with a"
            + " no-argument constructor and getters/setters, or register a Codec for it in"
            + " META-INF/services/"
            + Codec.class.getName());
    this.typeName = type.getName();
  }

  /** The output's class name. */
  public String typeName() {
    return typeName;
  }
}
