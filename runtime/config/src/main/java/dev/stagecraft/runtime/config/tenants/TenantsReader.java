package dev.stagecraft.runtime.config.tenants;

import dev.stagecraft.annotations.StageType;
import dev.stagecraft.annotations.syntax.Names;
import dev.stagecraft.annotations.syntax.Quantities;
import dev.stagecraft.annotations.syntax.Suggestions;
import dev.stagecraft.runtime.plan.ConfigException;
import dev.stagecraft.runtime.plan.ConfigProblem;
import dev.stagecraft.runtime.plan.ConfigTree;
import dev.stagecraft.runtime.plan.QuotaPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a tenants file's tree into {@link Tenants}, collecting every problem (file, line, key,
 * did-you-mean) before throwing one {@link ConfigException}.
 */
public final class TenantsReader {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final List<String> TOP = List.of("tenants", "admins");
  private static final List<String> TENANT =
      List.of(
          "id",
          "tokenSha256",
          "weight",
          "permissions",
          "quota",
          "resourceDefaults",
          "environment",
          "secrets",
          "configMaps",
          "isolation");
  private static final List<String> ADMIN = List.of("id", "tokenSha256");
  private static final List<String> PERMISSIONS =
      List.of("pipelines", "stageTypes", "gpu", "deploymentTargets");
  private static final List<String> QUOTA =
      List.of("cpu", "memory", "gpu", "concurrentRuns", "policy");
  private static final List<String> DEFAULTS = List.of("cpu", "memory");
  private static final List<String> SECRET = List.of("name", "fromEnv", "fromFile");
  private static final List<String> ISOLATION =
      List.of("namespacePrefix", "networkPolicy", "securityContext", "labels");

  /** The network policies an export can write: {@code deny-egress} (DNS only). */
  private static final List<String> NETWORK_POLICIES = List.of("deny-egress");

  private static final java.util.regex.Pattern KUBERNETES_NAME =
      java.util.regex.Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private static final List<String> SECURITY =
      List.of("runAsNonRoot", "runAsUser", "readOnlyRootFilesystem");

  private static final List<String> DEPLOYMENT_TARGETS = List.of("staging", "production");

  private final String file;
  private final List<ConfigProblem> problems = new ArrayList<>();
  private final Map<String, String> idsByHash = new HashMap<>();
  private final Set<String> ids = new HashSet<>();

  private TenantsReader(String file) {
    this.file = file;
  }

  /**
   * The tenants of {@code root}, read from {@code file}.
   *
   * @throws ConfigException listing every problem
   */
  public static Tenants read(ConfigTree root, String file) {
    TenantsReader reader = new TenantsReader(file);
    Tenants tenants = reader.tenants(root);
    if (!reader.problems.isEmpty()) {
      throw new ConfigException(reader.problems);
    }
    return tenants;
  }

  private Tenants tenants(ConfigTree root) {
    List<Tenant> tenants = new ArrayList<>();
    List<Admin> admins = new ArrayList<>();
    Optional<ConfigTree.Mapping> top = mapping(root, TOP);
    if (top.isEmpty()) {
      return new Tenants(tenants, admins);
    }
    Optional<ConfigTree> list = top.get().get("tenants");
    if (list.isEmpty()) {
      problem(root, "no tenants: add 'tenants:' with at least one tenant");
    }
    list.ifPresent(l -> each(l, item -> mapping(item, TENANT).map(this::tenant), tenants));
    top.get()
        .get("admins")
        .ifPresent(l -> each(l, item -> mapping(item, ADMIN).map(this::admin), admins));
    return new Tenants(tenants, admins);
  }

  private <T> void each(ConfigTree node, Function<ConfigTree, Optional<T>> read, List<T> into) {
    if (node instanceof ConfigTree.Sequence seq) {
      seq.items().forEach(item -> read.apply(item).ifPresent(into::add));
    } else {
      problem(node, "expected a list but found " + node.describe());
    }
  }

  private Tenant tenant(ConfigTree.Mapping m) {
    String id = id(m);
    String hash = hash(m, id);
    int weight = m.get("weight").map(n -> (int) count(n, 1, Integer.MAX_VALUE)).orElse(1);
    Permissions permissions =
        m.get("permissions")
            .flatMap(n -> mapping(n, PERMISSIONS))
            .map(this::permissions)
            .orElse(
                new Permissions(List.of("*"), EnumSet.allOf(StageType.class), false, List.of()));
    Quota quota =
        m.get("quota").flatMap(n -> mapping(n, QUOTA)).map(this::quota).orElse(Quota.UNLIMITED);
    ResourceDefaults defaults =
        m.get("resourceDefaults")
            .flatMap(n -> mapping(n, DEFAULTS))
            .map(d -> new ResourceDefaults(cpu(d.get("cpu")), memory(d.get("memory"))))
            .orElse(ResourceDefaults.NONE);
    Map<String, String> environment = m.get("environment").map(this::strings).orElse(Map.of());
    List<SecretRef> secrets = new ArrayList<>();
    Set<String> secretNames = new HashSet<>();
    m.get("secrets")
        .ifPresent(
            n ->
                each(
                    n,
                    item ->
                        mapping(item, SECRET)
                            .flatMap(this::secret)
                            .filter(s -> secretNames.add(s.name()) || twice(item, s.name())),
                    secrets));
    List<String> configMaps = m.get("configMaps").map(this::names).orElse(List.of());
    Isolation isolation =
        m.get("isolation")
            .flatMap(n -> mapping(n, ISOLATION))
            .map(i -> isolation(i, id))
            .orElse(new Isolation(id, Optional.empty(), Isolation.SecurityContext.NONE, Map.of()));
    return new Tenant(
        id,
        hash,
        weight,
        permissions,
        quota,
        defaults,
        environment,
        secrets,
        configMaps,
        isolation);
  }

  private Admin admin(ConfigTree.Mapping m) {
    String id = id(m);
    return new Admin(id, hash(m, id));
  }

  private String id(ConfigTree.Mapping m) {
    Optional<ConfigTree> node = m.get("id");
    if (node.isEmpty()) {
      problem(m, "missing 'id'");
      return "";
    }
    String id = text(node.get()).orElse("");
    Names.problem(id).ifPresent(p -> problem(node.get(), "id '" + id + "': " + p));
    if (!id.isEmpty() && !ids.add(id)) {
      problem(node.get(), "id '" + id + "' is used twice: give each tenant and admin its own");
    }
    return id;
  }

  private String hash(ConfigTree.Mapping m, String id) {
    Optional<ConfigTree> node = m.get("tokenSha256");
    if (node.isEmpty()) {
      problem(m, "missing 'tokenSha256': print one with './stagecraft tenants hash-token'");
      return "";
    }
    String hash = text(node.get()).orElse("");
    if (!SHA256.matcher(hash).matches()) {
      problem(
          node.get(),
          "'"
              + hash
              + "' is not a SHA-256 in hex (64 characters 0-9a-f); print one with"
              + " './stagecraft tenants hash-token'");
    } else {
      String other = idsByHash.putIfAbsent(hash, id);
      if (other != null) {
        problem(
            node.get(),
            "the same tokenSha256 as '" + other + "': give every tenant and admin its own token");
      }
    }
    return hash;
  }

  private Permissions permissions(ConfigTree.Mapping m) {
    List<String> pipelines = m.get("pipelines").map(this::names).orElse(List.of("*"));
    Set<StageType> types = EnumSet.noneOf(StageType.class);
    Optional<ConfigTree> typesNode = m.get("stageTypes");
    if (typesNode.isEmpty()) {
      types = EnumSet.allOf(StageType.class);
    } else {
      List<String> known = Arrays.stream(StageType.values()).map(Enum::name).toList();
      for (ConfigTree item : items(typesNode.get())) {
        Optional<String> name = text(item);
        if (name.isPresent() && known.contains(name.get())) {
          types.add(StageType.valueOf(name.get()));
        } else if (name.isPresent()) {
          problem(
              item,
              "unknown stage type '"
                  + name.get()
                  + "'"
                  + Suggestions.didYouMeanOrList(name.get(), known, "stage types"));
        }
      }
    }
    boolean gpu = m.get("gpu").map(this::bool).flatMap(b -> b).orElse(false);
    List<String> targets = new ArrayList<>();
    m.get("deploymentTargets")
        .map(this::items)
        .orElse(List.of())
        .forEach(item -> target(item).ifPresent(targets::add));
    return new Permissions(pipelines, types, gpu, targets);
  }

  private Optional<String> target(ConfigTree item) {
    Optional<String> name = text(item);
    if (name.isPresent() && !DEPLOYMENT_TARGETS.contains(name.get())) {
      problem(
          item,
          "unknown deployment target '"
              + name.get()
              + "'"
              + Suggestions.didYouMeanOrList(name.get(), DEPLOYMENT_TARGETS, "targets"));
      return Optional.empty();
    }
    return name;
  }

  private Quota quota(ConfigTree.Mapping m) {
    long cpu = cpu(m.get("cpu")).orElse(Long.MAX_VALUE);
    long memory = memory(m.get("memory")).orElse(Long.MAX_VALUE);
    int gpu = m.get("gpu").map(n -> (int) count(n, 0, Integer.MAX_VALUE)).orElse(Integer.MAX_VALUE);
    int runs =
        m.get("concurrentRuns")
            .map(n -> (int) count(n, 1, Integer.MAX_VALUE))
            .orElse(Integer.MAX_VALUE);
    QuotaPolicy policy = QuotaPolicy.QUEUE;
    Optional<ConfigTree> p = m.get("policy");
    if (p.isPresent()) {
      List<String> known = Arrays.stream(QuotaPolicy.values()).map(QuotaPolicy::yamlName).toList();
      String name = text(p.get()).orElse("");
      if (known.contains(name)) {
        policy = QuotaPolicy.valueOf(name.toUpperCase(Locale.ROOT));
      } else {
        problem(
            p.get(),
            "unknown policy '"
                + name
                + "'"
                + Suggestions.didYouMeanOrList(name, known, "policies"));
      }
    }
    return new Quota(cpu, memory, gpu, runs, policy);
  }

  private Optional<SecretRef> secret(ConfigTree.Mapping m) {
    Optional<ConfigTree> name = m.get("name");
    Optional<ConfigTree> env = m.get("fromEnv");
    Optional<ConfigTree> path = m.get("fromFile");
    if (name.isEmpty()) {
      problem(m, "missing 'name'");
      return Optional.empty();
    }
    if (env.isPresent() == path.isPresent()) {
      problem(m, "give exactly one of 'fromEnv' and 'fromFile'");
      return Optional.empty();
    }
    String n = text(name.get()).orElse("");
    return env.isPresent()
        ? text(env.get()).map(v -> new SecretRef.FromEnv(n, v))
        : text(path.get()).map(f -> new SecretRef.FromFile(n, Path.of(f)));
  }

  private boolean twice(ConfigTree item, String secret) {
    problem(item, "secret '" + secret + "' is named twice: give each secret its own name");
    return false;
  }

  private Isolation isolation(ConfigTree.Mapping m, String id) {
    String prefix = m.get("namespacePrefix").flatMap(this::text).orElse(id);
    m.get("namespacePrefix")
        .filter(n -> !KUBERNETES_NAME.matcher(prefix).matches())
        .ifPresent(
            n ->
                problem(
                    n,
                    "namespacePrefix '"
                        + prefix
                        + "' is not a Kubernetes namespace name: at most 63 lower-case letters,"
                        + " digits and '-', starting and ending with a letter or digit"));
    Optional<String> policy = m.get("networkPolicy").flatMap(this::text);
    m.get("networkPolicy")
        .filter(n -> policy.isPresent() && !NETWORK_POLICIES.contains(policy.get()))
        .ifPresent(
            n ->
                problem(
                    n,
                    "unknown networkPolicy '"
                        + policy.get()
                        + "'"
                        + Suggestions.didYouMeanOrList(policy.get(), NETWORK_POLICIES, "known")
                        + "; leave it out for none"));
    Isolation.SecurityContext security =
        m.get("securityContext")
            .flatMap(n -> mapping(n, SECURITY))
            .map(
                s ->
                    new Isolation.SecurityContext(
                        s.get("runAsNonRoot").flatMap(this::bool),
                        s.get("runAsUser")
                            .map(n -> OptionalLong.of(count(n, 0, Long.MAX_VALUE)))
                            .orElse(OptionalLong.empty()),
                        s.get("readOnlyRootFilesystem").flatMap(this::bool)))
            .orElse(Isolation.SecurityContext.NONE);
    Map<String, String> labels = m.get("labels").map(this::strings).orElse(Map.of());
    return new Isolation(prefix, policy, security, labels);
  }

  // --- values ---------------------------------------------------------------------------------

  private Optional<ConfigTree.Mapping> mapping(ConfigTree node, List<String> keys) {
    if (!(node instanceof ConfigTree.Mapping m)) {
      problem(
          node,
          "expected a mapping with " + String.join(", ", keys) + " but found " + node.describe());
      return Optional.empty();
    }
    for (ConfigTree.Entry e : m.entries()) {
      if (!keys.contains(e.name())) {
        problems.add(
            new ConfigProblem(
                file,
                e.line(),
                e.value().key(),
                "unknown key '"
                    + e.name()
                    + "'"
                    + Suggestions.didYouMeanOrList(e.name(), keys, "keys")));
      }
    }
    return Optional.of(m);
  }

  private Optional<String> text(ConfigTree node) {
    if (node instanceof ConfigTree.Scalar s && !s.isNull()) {
      return Optional.of(s.text());
    }
    problem(node, "expected a value but found " + node.describe());
    return Optional.empty();
  }

  private List<ConfigTree> items(ConfigTree node) {
    if (node instanceof ConfigTree.Sequence seq) {
      return seq.items();
    }
    problem(node, "expected a list but found " + node.describe());
    return List.of();
  }

  private List<String> names(ConfigTree node) {
    List<String> names = new ArrayList<>();
    items(node).forEach(item -> text(item).ifPresent(names::add));
    return names;
  }

  private Map<String, String> strings(ConfigTree node) {
    Map<String, String> values = new LinkedHashMap<>();
    if (node instanceof ConfigTree.Mapping m) {
      m.entries().forEach(e -> text(e.value()).ifPresent(v -> values.put(e.name(), v)));
    } else {
      problem(node, "expected a mapping of names to values but found " + node.describe());
    }
    return values;
  }

  private Optional<Boolean> bool(ConfigTree node) {
    Optional<String> text = text(node);
    if (text.isPresent() && (text.get().equals("true") || text.get().equals("false"))) {
      return Optional.of(Boolean.parseBoolean(text.get()));
    }
    text.ifPresent(t -> problem(node, "'" + t + "' is not true or false"));
    return Optional.empty();
  }

  private long count(ConfigTree node, long min, long max) {
    Optional<String> text = text(node);
    if (text.isEmpty()) {
      return min;
    }
    try {
      long n = Long.parseLong(text.get());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problem(node, "'" + text.get() + "' is not a whole number from " + min + " to " + max);
    return min;
  }

  private OptionalLong cpu(Optional<ConfigTree> node) {
    return quantity(node, Quantities::cpuMillis);
  }

  private OptionalLong memory(Optional<ConfigTree> node) {
    return quantity(node, Quantities::memoryBytes);
  }

  private OptionalLong quantity(Optional<ConfigTree> node, Function<String, Long> parse) {
    if (node.isEmpty()) {
      return OptionalLong.empty();
    }
    Optional<String> text = text(node.get());
    if (text.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(parse.apply(text.get()));
    } catch (IllegalArgumentException e) {
      problem(node.get(), e.getMessage());
      return OptionalLong.empty();
    }
  }

  private void problem(ConfigTree node, String message) {
    problems.add(new ConfigProblem(file, node.line(), node.key(), message));
  }
}
