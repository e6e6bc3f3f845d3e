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
 * Every tenant's {@link TenantSpace}, each opened on first use: the tenants of the tenants file,
 * and those whose stores are on disk from before (an admin still sees their runs).
 */
final class TenantSpaces {
  private final ServerOptions options;
  private final TenantsFile tenants;
  private final Map<String, TenantSpace> spaces = new ConcurrentHashMap<>();

  TenantSpaces(ServerOptions options, TenantsFile tenants) {
    this.options = options;
    this.tenants = tenants;
  }

  /** The tenant's space, opening its store on first use. */
  TenantSpace space(String tenant) {
    return spaces.computeIfAbsent(
        tenant, id -> TenantSpace.open(options.store(), id, options.storeSettings()));
  }

  /** The spaces a principal sees: its own, or every one for an admin. */
  List<TenantSpace> visibleSpaces(Optional<String> tenant) {
    if (tenant.isPresent()) {
      return List.of(space(tenant.get()));
    }
    List<TenantSpace> all = new ArrayList<>();
    for (String id : known()) {
      all.add(space(id));
    }
    return all;
  }

  /** The tenants of the tenants file and those with a store on disk, sorted. */
  List<String> known() {
    java.util.Set<String> ids = new java.util.TreeSet<>(withStores());
    tenants.current().tenants().forEach(t -> ids.add(t.id()));
    return List.copyOf(ids);
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
