package dev.stagecraft.runtime.config.tenants;

import dev.stagecraft.runtime.io.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Every tenant and admin of a tenants file. Tokens are known only by their SHA-256 hashes and
 * compared in constant time.
 */
public record Tenants(List<Tenant> tenants, List<Admin> admins) {
  public Tenants {
    tenants = List.copyOf(tenants);
    admins = List.copyOf(admins);
  }

  /** The hex SHA-256 of {@code token}, as written in {@code tokenSha256}. */
  public static String hashToken(String token) {
    return Sha256.hexOf(token.getBytes(StandardCharsets.UTF_8));
  }

  /** The tenant with id {@code id}. */
  public Optional<Tenant> tenant(String id) {
    return tenants.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /**
   * Who presents {@code token}: a tenant or an admin. Every hash is compared (in constant time), so
   * the time taken does not say which one matched.
   */
  public Optional<Principal> authenticate(String token) {
    byte[] presented = HexFormat.of().parseHex(hashToken(token));
    Principal found = null;
    for (Tenant t : tenants) {
      if (MessageDigest.isEqual(presented, HexFormat.of().parseHex(t.tokenSha256()))) {
        found = t;
      }
    }
    for (Admin a : admins) {
      if (MessageDigest.isEqual(presented, HexFormat.of().parseHex(a.tokenSha256()))) {
        found = a;
      }
    }
    return Optional.ofNullable(found);
  }
}
