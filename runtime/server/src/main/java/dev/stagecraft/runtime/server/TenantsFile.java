package dev.stagecraft.runtime.server;

import dev.stagecraft.annotations.StageType;
import dev.stagecraft.runtime.UserInputException;
import dev.stagecraft.runtime.config.ConfigFiles;
import dev.stagecraft.runtime.config.tenants.Isolation;
import dev.stagecraft.runtime.config.tenants.Permissions;
import dev.stagecraft.runtime.config.tenants.Quota;
import dev.stagecraft.runtime.config.tenants.ResourceDefaults;
import dev.stagecraft.runtime.config.tenants.Tenant;
import dev.stagecraft.runtime.config.tenants.Tenants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenants the server knows, read from the tenants file and read again when the file changes
 * (its modification time or size), so that a token can be rotated without a restart and without
 * dropping runs. A changed file with problems is not taken: the previous tenants stay, and the
 * problems are logged. Without a file there is one tenant, {@code default}, allowed everything,
 * with a token made up at start.
 */
final class TenantsFile {
  private static final Logger LOG = LoggerFactory.getLogger(TenantsFile.class);

  /** The id of the one tenant of a server started without a tenants file. */
  static final String DEFAULT_TENANT = "default";

  private final Optional<Path> file;
  private final Consumer<Tenants> onChange;
  private volatile Tenants current;
  private volatile String stamp;

  private TenantsFile(Optional<Path> file, Tenants first, Consumer<Tenants> onChange) {
    this.file = file;
    this.current = first;
    this.onChange = onChange;
    this.stamp = file.map(TenantsFile::stampOf).orElse("");
  }

  /**
   * Reads the file; {@code onChange} hears of every tenants taken, the first ones included.
   *
   * @throws UserInputException for a file with problems: the server does not start
   */
  static TenantsFile read(Path file, Consumer<Tenants> onChange) {
    TenantsFile f = new TenantsFile(Optional.of(file), ConfigFiles.tenants(file), onChange);
    onChange.accept(f.current);
    return f;
  }

  /** One tenant allowed everything, whose token is {@code token}. */
  static TenantsFile single(String token, Consumer<Tenants> onChange) {
    Tenant tenant =
        new Tenant(
            DEFAULT_TENANT,
            Tenants.hashToken(token),
            1,
            new Permissions(List.of("*"), EnumSet.allOf(StageType.class), true, List.of()),
            Quota.UNLIMITED,
            ResourceDefaults.NONE,
            Map.of(),
            List.of(),
            List.of(),
            new Isolation(
                DEFAULT_TENANT, Optional.empty(), Isolation.SecurityContext.NONE, Map.of()));
    TenantsFile f =
        new TenantsFile(Optional.empty(), new Tenants(List.of(tenant), List.of()), onChange);
    onChange.accept(f.current);
    return f;
  }

  /** A fresh random token: 32 bytes as hex. */
  static String newToken() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Whether the server has its tenants from a file (else the single default tenant). */
  boolean fromFile() {
    return file.isPresent();
  }

  /** The tenants now, after reading the file again if it changed. */
  Tenants current() {
    if (file.isPresent()) {
      String now = stampOf(file.get());
      if (!now.equals(stamp)) {
        reload(now);
      }
    }
    return current;
  }

  private synchronized void reload(String now) {
    if (now.equals(stamp)) {
      return;
    }
    stamp = now;
    try {
      Tenants read = ConfigFiles.tenants(file.get());
      current = read;
      onChange.accept(read);
      LOG.info("tenants file {} read again: {} tenants", file.get(), read.tenants().size());
    } catch (UserInputException e) {
      LOG.warn(
          "tenants file {} changed but has problems; keeping the previous tenants: {}",
          file.get(),
          String.join("; ", e.problems()));
    }
  }

  private static String stampOf(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return a.lastModifiedTime().toMillis() + ":" + a.size() + ":" + a.fileKey();
    } catch (IOException e) {
      return "missing";
    }
  }
}
