package dev.stagecraft.runtime.server;

import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.store.StoreSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a pipeline server is started.
 *
 * @param bind the address to listen on ({@code 127.0.0.1} unless told otherwise)
 * @param port the port; 0 picks a free one
 * @param tenants the tenants file; empty: one tenant {@code default} whose token is made up at
 *     start and printed once
 * @param store the store directory; each tenant's runs live under {@code STORE/tenants/ID}
 * @param capacity what the shared executor may reserve at once
 * @param templates a directory with one template per pipeline ({@code DIR/PIPELINE.yaml})
 * @param maxRequestBytes the largest request body accepted (413 above it)
 * @param processEnvironment the server process's environment, where {@code fromEnv} secrets are
 *     read; stages never see it
 * @param storeSettings how tenants' stores are opened (codecs, lease timeout)
 */
public record ServerOptions(
    String bind,
    int port,
    Optional<Path> tenants,
    Path store,
    ResourceRequest capacity,
    Optional<Path> templates,
    long maxRequestBytes,
    Map<String, String> processEnvironment,
    StoreSettings storeSettings) {

  /** The default address: loopback only. */
  public static final String LOOPBACK = "127.0.0.1";

  /** The default port. */
  public static final int DEFAULT_PORT = 8080;

  /** The default limit on a request body: 1 MiB. */
  public static final long DEFAULT_MAX_REQUEST_BYTES = 1 << 20;

  public ServerOptions {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(tenants, "tenants");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(capacity, "capacity");
    Objects.requireNonNull(templates, "templates");
    processEnvironment = Map.copyOf(processEnvironment);
    Objects.requireNonNull(storeSettings, "storeSettings");
  }
}
