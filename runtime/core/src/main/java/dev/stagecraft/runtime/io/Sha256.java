package dev.stagecraft.runtime.io;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests and their hex form, the one way the runtime names content (artifacts, cache keys,
 * deployed model files).
 *
 * <pre>{@code
 * MessageDigest sha = Sha256.digest();
 * sha.update(bytes);
 * String name = Sha256.hex(sha.digest());   // 64 lowercase hex digits
 * }</pre>
 */
public final class Sha256 {
  /** Never updated: {@link #digest()} hands out copies, which skips the provider lookup. */
  private static final MessageDigest PROTOTYPE = newDigest();

  private Sha256() {}

  /** A new, empty SHA-256 digest. */
  public static MessageDigest digest() {
    try {
      return (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 cannot be copied", e);
    }
  }

  /** A digest as 64 lowercase hex digits. */
  public static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }

  /** The SHA-256 of {@code bytes} as 64 lowercase hex digits. */
  public static String hexOf(byte[] bytes) {
    return hex(digest().digest(bytes));
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
