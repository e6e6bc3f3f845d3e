package dev.stagecraft.examples.server;

import dev.stagecraft.runtime.config.tenants.Tenants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes tenants files for the server tests, with each token's hash as the file wants it. */
final class TenantsYaml {
  private TenantsYaml() {}

  /** {@code tokenSha256: HASH} of a token. */
  static String hash(String token) {
    return Tenants.hashToken(token);
  }

  /** Writes {@code yaml} to {@code file} atomically (a new file, as an editor saving would). */
  static Path write(Path file, String yaml) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, yaml);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }
}
