package dev.stagecraft.runtime.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Every tenant's {@link TenantSpace}, each opened on first use; an admin sees every tenant with a
 * store on disk, also one no longer in the tenants file.
 */
final class TenantSpaces {
  private final ServerOptions options;
  private final Map<String, TenantSpace> spaces = new ConcurrentHashMap<>();

  TenantSpaces(ServerOptions options) {
    this.options = options;
  }

  /** The tenant's space, opening its store on first use. */
  TenantSpace space(String tenant) {
    return spaces.computeIfAbsent(
        tenant, id -> TenantSpace.open(options.store(), id, options.storeSettings()));
  }

  /**
   * The spaces a principal sees: its own, or for an admin every tenant's that has a store (a tenant
   * without one has no runs; reading does not create stores).
   */
  List<TenantSpace> visibleSpaces(Optional<String> tenant) {
    if (tenant.isPresent()) {
      return List.of(space(tenant.get()));
    }
    List<TenantSpace> all = new ArrayList<>();
    for (String id : withStores()) {
      all.add(space(id));
    }
    return all;
  }

  /** The tenants with a store on disk ({@code STORE/tenants/ID}), sorted. */
  List<String> withStores() {
    Path root = options.store().resolve(TenantSpace.TENANTS_DIR);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
    }
  }

  /** The space of a tenant whose store is open, if it is. */
  Optional<TenantSpace> ifOpen(String tenant) {
    return Optional.ofNullable(spaces.get(tenant));
  }

  /** The spaces opened so far. */
  Collection<TenantSpace> open() {
    return spaces.values();
  }
}
