package dev.stagecraft.runtime.plan;

import dev.stagecraft.annotations.StageType;
import dev.stagecraft.annotations.condition.Bound;
import dev.stagecraft.annotations.condition.CheckedCondition;
import dev.stagecraft.annotations.condition.ConditionError;
import dev.stagecraft.annotations.condition.Conditions;
import dev.stagecraft.annotations.condition.ProfileFacts;
import dev.stagecraft.annotations.syntax.Quantities;
import dev.stagecraft.annotations.syntax.Suggestions;
import dev.stagecraft.annotations.syntax.ValueSyntax;
import dev.stagecraft.runtime.graph.ConditionType;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.StageSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a template's tree against the pipeline it is for and turns it into a {@link Template}:
 * every key, stage, parameter, stage type, quantity, duration and {@code when} condition (through
 * the shared {@code @When} checker, never evaluated as code). Every problem is found in one pass
 * and reported at once, each with the file, the line and the key, and a suggestion where a name is
 * close.
 *
 * <pre>{@code
 * Template t = TemplateChecker.check(tree, "advanced-ml.yaml", definition);
 * }</pre>
 */
public final class TemplateChecker {
  private static final List<String> TOP = List.of("pipeline", "environments", "rules");
  private static final List<String> ENVIRONMENT = List.of("params", "stages");
  private static final List<String> OVERLAY = List.of("resources", "retries", "timeout");
  private static final List<String> SET =
      List.of("resources", "parallelism", "retries", "timeout", "optimizations");
  private static final List<String> RESOURCES = List.of("cpu", "memory", "gpu");
  private static final List<String> RULE =
      List.of("name", "when", "stages", "stageTypes", "set", "exclude");
  private static final Pattern OPTIMIZATION = Pattern.compile("[a-z][a-z0-9_]*");

  private final String file;
  private final PipelineDefinition def;
  private final List<String> stageNames;
  private final List<String> paramNames;
  private final Map<String, ConditionType> paramTypes = new LinkedHashMap<>();
  private final List<ConfigProblem> problems = new ArrayList<>();

  private TemplateChecker(String file, PipelineDefinition def) {
    this.file = file;
    this.def = def;
    this.stageNames = def.stages().stream().map(StageSpec::name).toList();
    this.paramNames = def.params().stream().map(ParamSpec::name).toList();
    def.params().forEach(p -> paramTypes.put(p.name(), ConditionType.of(p.type())));
  }

  /**
   * Checks the tree of template {@code file} against the pipeline {@code def}.
   *
   * @throws ConfigException listing every problem, each with its line and key
   */
  public static Template check(ConfigTree root, String file, PipelineDefinition def) {
    TemplateChecker checker = new TemplateChecker(file, def);
    Template template = checker.template(root);
    if (!checker.problems.isEmpty()) {
      throw new ConfigException(checker.problems);
    }
    return template;
  }

  private Template template(ConfigTree root) {
    if (!(root instanceof ConfigTree.Mapping top)) {
      problem(
          root,
          "a template is a mapping with the keys pipeline, environments and rules, not "
              + root.describe());
      return null;
    }
    keys(top, TOP, "a template");
    Optional<ConfigTree> pipeline = top.get("pipeline");
    if (pipeline.isEmpty()) {
      problem(
          top, "missing 'pipeline': name the pipeline it is for (pipeline: " + def.name() + ")");
    } else {
      scalar(pipeline.get(), "the pipeline's name")
          .filter(name -> !name.equals(def.name()))
          .ifPresent(
              name ->
                  problem(
                      pipeline.get(),
                      "the template is for pipeline '"
                          + name
                          + "', not '"
                          + def.name()
                          + "'"
                          + Suggestions.didYouMean(name, List.of(def.name()))));
    }
    List<TemplateEnvironment> environments = new ArrayList<>();
    top.get("environments")
        .flatMap(node -> mapping(node, "environments by name (production: {params: ...})"))
        .ifPresent(
            envs -> {
              duplicates(envs);
              for (ConfigTree.Entry e : envs.entries()) {
                environment(e).ifPresent(environments::add);
              }
            });
    List<TemplateRule> rules = new ArrayList<>();
    top.get("rules").ifPresent(node -> rules(node, rules));
    return new Template(file, def.name(), environments, rules);
  }

  // ---------------------------------------------------------------- environments

  private Optional<TemplateEnvironment> environment(ConfigTree.Entry entry) {
    String name = entry.name();
    List<String> known = ProfileFacts.find("environment").orElseThrow().values();
    if (!known.contains(name)) {
      Suggestions.closest(name, known)
          .ifPresent(
              c ->
                  problem(
                      entry,
                      "environment '"
                          + name
                          + "' is not one the profile selects (did you mean '"
                          + c
                          + "'?); other names are chosen with --environment"));
    }
    Optional<ConfigTree.Mapping> body =
        mapping(entry.value(), "params and stages ({params: {...}, stages: {...}})");
    if (body.isEmpty()) {
      return Optional.empty();
    }
    keys(body.get(), ENVIRONMENT, "an environment");
    Map<String, String> params = new LinkedHashMap<>();
    body.get()
        .get("params")
        .flatMap(node -> mapping(node, "parameter values ({nTrials: 32})"))
        .ifPresent(
            m -> {
              duplicates(m);
              for (ConfigTree.Entry p : m.entries()) {
                param(p).ifPresent(text -> params.put(p.name(), text));
              }
            });
    Map<String, StageSettings> stages = new LinkedHashMap<>();
    body.get()
        .get("stages")
        .flatMap(node -> mapping(node, "settings by stage name (train: {retries: 3})"))
        .ifPresent(
            m -> {
              duplicates(m);
              for (ConfigTree.Entry s : m.entries()) {
                boolean known2 = knownStage(s.name(), s);
                Optional<StageSettings> settings = settings(s.value(), false);
                if (known2 && settings.isPresent()) {
                  stages.put(s.name(), settings.get());
                }
              }
            });
    return Optional.of(new TemplateEnvironment(name, params, stages));
  }

  /** A parameter's value, checked against its type as {@code -p} would be. */
  private Optional<String> param(ConfigTree.Entry entry) {
    Optional<ParamSpec> spec = def.param(entry.name());
    if (spec.isEmpty()) {
      problem(
          entry,
          "unknown parameter '"
              + entry.name()
              + "'"
              + hint(entry.name(), paramNames, "parameters"));
      return Optional.empty();
    }
    Optional<String> text;
    if (entry.value() instanceof ConfigTree.Sequence list && spec.get().type().isList()) {
      List<String> parts = new ArrayList<>();
      for (ConfigTree item : list.items()) {
        scalar(item, "a value").ifPresent(parts::add);
      }
      text = Optional.of(String.join(",", parts));
    } else {
      text = scalar(entry.value(), "a value of type " + spec.get().type().displayName());
    }
    if (text.isPresent()) {
      try {
        spec.get().type().parse(text.get());
      } catch (IllegalArgumentException e) {
        problem(
            entry.value(),
            "parameter '"
                + entry.name()
                + "' expects "
                + spec.get().type().displayName()
                + ": "
                + e.getMessage());
        return Optional.empty();
      }
    }
    return text;
  }

  // ---------------------------------------------------------------- rules

  private void rules(ConfigTree node, List<TemplateRule> rules) {
    if (!(node instanceof ConfigTree.Sequence list)) {
      problem(node, "rules is a list ('- name: ...' per rule), not " + node.describe());
      return;
    }
    Map<String, Integer> lines = new HashMap<>();
    for (ConfigTree item : list.items()) {
      rule(item, lines).ifPresent(rules::add);
    }
  }

  private Optional<TemplateRule> rule(ConfigTree item, Map<String, Integer> lines) {
    Optional<ConfigTree.Mapping> m = mapping(item, "a rule ({name: ..., when: ..., set: ...})");
    if (m.isEmpty()) {
      return Optional.empty();
    }
    ConfigTree.Mapping rule = m.get();
    keys(rule, RULE, "a rule");
    Optional<String> name = Optional.empty();
    Optional<ConfigTree> nameNode = rule.get("name");
    if (nameNode.isEmpty()) {
      problem(rule, "a rule needs a name (name: big-data-gpu); its changes are recorded under it");
    } else {
      name = scalar(nameNode.get(), "the rule's name");
      if (name.isPresent()) {
        String n = name.get();
        Integer first = lines.putIfAbsent(n, nameNode.get().line());
        if (first != null) {
          problem(nameNode.get(), "rule '" + n + "' is named twice (first on line " + first + ")");
        }
        for (BuiltInRule builtIn : BuiltInRule.values()) {
          if (builtIn.id().equals(n)) {
            problem(nameNode.get(), "'" + n + "' is a built-in rule: give the rule another name");
          }
        }
        if (n.startsWith("environment:")) {
          problem(nameNode.get(), "'environment:' names a template's overlays: rename the rule");
        }
      }
    }
    Optional<String> when = Optional.empty();
    Optional<Bound<ConditionType>> condition = Optional.empty();
    Optional<ConfigTree> whenNode = rule.get("when");
    if (whenNode.isPresent()) {
      when = scalar(whenNode.get(), "a condition such as \"profile.environment == 'production'\"");
      condition = when.flatMap(text -> condition(text, whenNode.get()));
    }
    List<String> targets = new ArrayList<>();
    rule.get("stages").ifPresent(node -> targets.addAll(stages(node)));
    rule.get("stageTypes")
        .ifPresent(
            node -> {
              List<StageType> types = stageTypes(node);
              for (StageSpec s : def.stages()) {
                if (types.contains(s.type()) && !targets.contains(s.name())) {
                  targets.add(s.name());
                }
              }
            });
    Optional<StageSettings> set = rule.get("set").flatMap(node -> settings(node, true));
    List<String> exclude = rule.get("exclude").map(this::stages).orElse(List.of());
    boolean choosesStages = rule.get("stages").isPresent() || rule.get("stageTypes").isPresent();
    String label = name.map(n -> "rule '" + n + "'").orElse("the rule");
    if (rule.get("set").isEmpty() && rule.get("exclude").isEmpty()) {
      problem(rule, label + " has neither set nor exclude: say what it changes");
    } else if (rule.get("set").isPresent() && !choosesStages) {
      problem(
          rule.get("set").get(),
          label + " sets values but names no stages: add stages: [...] or stageTypes: [...]");
    } else if (rule.get("set").isEmpty() && choosesStages) {
      problem(
          rule,
          label
              + " names stages or stageTypes but has no set: they choose what set changes"
              + " (exclude names its own stages)");
    }
    boolean checked =
        name.isPresent()
            && (whenNode.isEmpty() || condition.isPresent())
            && (rule.get("set").isEmpty() || set.isPresent());
    if (!checked) {
      return Optional.empty(); // its problems are reported: no template is made
    }
    return Optional.of(
        new TemplateRule(
            name.get(), when, condition, targets, set.orElse(StageSettings.NONE), exclude));
  }

  /** A rule's {@code when}, checked by the {@code @When} checker over the profile and params. */
  private Optional<Bound<ConditionType>> condition(String text, ConfigTree node) {
    CheckedCondition<ConditionType> checked =
        Conditions.check(text, RuntimeTypeModel.INSTANCE, paramTypes, Map.of());
    if (checked instanceof CheckedCondition.Invalid<ConditionType> invalid) {
      for (ConditionError e : invalid.errors()) {
        problem(node, e.message() + " at column " + e.column());
      }
      return Optional.empty();
    }
    return Optional.of(((CheckedCondition.Valid<ConditionType>) checked).condition());
  }

  private List<String> stages(ConfigTree node) {
    List<String> names = new ArrayList<>();
    for (ConfigTree item : items(node, "stage names ([train, evaluate])")) {
      scalar(item, "a stage name")
          .filter(name -> knownStage(name, item))
          .filter(name -> !names.contains(name))
          .ifPresent(names::add);
    }
    return names;
  }

  private List<StageType> stageTypes(ConfigTree node) {
    List<String> all = java.util.Arrays.stream(StageType.values()).map(Enum::name).toList();
    List<StageType> types = new ArrayList<>();
    for (ConfigTree item : items(node, "stage types ([TRAINING])")) {
      scalar(item, "a stage type")
          .ifPresent(
              text -> {
                String upper = text.trim().toUpperCase(Locale.ROOT);
                if (all.contains(upper)) {
                  types.add(StageType.valueOf(upper));
                } else {
                  problem(item, "unknown stage type '" + text + "'" + hint(text, all, "types"));
                }
              });
    }
    return types;
  }

  // ---------------------------------------------------------------- settings

  /** A rule's {@code set} ({@code forRule}), or a stage's settings in an environment. */
  private Optional<StageSettings> settings(ConfigTree node, boolean forRule) {
    Optional<ConfigTree.Mapping> m =
        mapping(
            node,
            forRule
                ? "settings ({resources: {gpu: 1}, parallelism: 4})"
                : "settings ({resources: {cpu: \"2\"}, retries: 3, timeout: PT30M})");
    if (m.isEmpty()) {
      return Optional.empty();
    }
    int before = problems.size();
    keys(m.get(), forRule ? SET : OVERLAY, forRule ? "a rule's set" : "a stage of an environment");
    OptionalLong cpu = OptionalLong.empty();
    OptionalLong memory = OptionalLong.empty();
    OptionalInt gpu = OptionalInt.empty();
    Optional<ConfigTree.Mapping> resources =
        m.get().get("resources").flatMap(r -> mapping(r, "{cpu: \"2\", memory: 4Gi, gpu: 1}"));
    if (resources.isPresent()) {
      keys(resources.get(), RESOURCES, "resources");
      cpu = quantity(resources.get().get("cpu"), Quantities::cpuMillis);
      memory = quantity(resources.get().get("memory"), Quantities::memoryBytes);
      gpu = whole(resources.get().get("gpu"), "gpu", 0);
    }
    OptionalInt parallelism = whole(m.get().get("parallelism"), "parallelism", 1);
    OptionalInt retries = whole(m.get().get("retries"), "retries", 0);
    Optional<Duration> timeout = m.get().get("timeout").flatMap(this::timeout);
    Optional<List<String>> optimizations = m.get().get("optimizations").map(this::optimizations);
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new StageSettings(cpu, memory, gpu, parallelism, retries, timeout, optimizations));
  }

  private OptionalLong quantity(Optional<ConfigTree> node, Function<String, Long> parse) {
    if (node.isEmpty()) {
      return OptionalLong.empty();
    }
    Optional<String> text = scalar(node.get(), "a quantity");
    if (text.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(parse.apply(text.get()));
    } catch (IllegalArgumentException | ArithmeticException e) {
      problem(node.get(), e.getMessage());
      return OptionalLong.empty();
    }
  }

  private OptionalInt whole(Optional<ConfigTree> node, String what, int min) {
    if (node.isEmpty()) {
      return OptionalInt.empty();
    }
    Optional<String> text = scalar(node.get(), "a whole number");
    if (text.isEmpty()) {
      return OptionalInt.empty();
    }
    int value;
    try {
      value = Integer.parseInt(text.get().trim());
    } catch (NumberFormatException e) {
      problem(node.get(), what + " '" + text.get() + "' is not a whole number");
      return OptionalInt.empty();
    }
    if (value < min) {
      problem(
          node.get(),
          what + " " + value + (min == 0 ? " must not be negative" : " must be at least " + min));
      return OptionalInt.empty();
    }
    return OptionalInt.of(value);
  }

  private Optional<Duration> timeout(ConfigTree node) {
    Optional<String> text = scalar(node, "an ISO-8601 duration such as PT30M");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Duration d;
    try {
      d = (Duration) ValueSyntax.parse(ValueSyntax.Kind.DURATION, text.get());
    } catch (IllegalArgumentException e) {
      problem(node, "timeout " + e.getMessage());
      return Optional.empty();
    }
    if (d.isNegative() || d.isZero()) {
      problem(node, "timeout " + text.get() + " must be positive");
      return Optional.empty();
    }
    return Optional.of(d);
  }

  private List<String> optimizations(ConfigTree node) {
    List<String> names = new ArrayList<>();
    for (ConfigTree item : items(node, "optimization names ([model_quantization])")) {
      scalar(item, "an optimization name")
          .ifPresent(
              name -> {
                if (OPTIMIZATION.matcher(name).matches()) {
                  names.add(name);
                } else {
                  problem(
                      item,
                      "optimization '"
                          + name
                          + "' is not a name: use lowercase words joined by _, such as"
                          + " model_quantization");
                }
              });
    }
    return names;
  }

  // ---------------------------------------------------------------- tree helpers

  private boolean knownStage(String name, ConfigTree.Entry at) {
    return knownStage(name, at.value(), at.line());
  }

  private boolean knownStage(String name, ConfigTree at) {
    return knownStage(name, at, at.line());
  }

  private boolean knownStage(String name, ConfigTree at, int line) {
    if (stageNames.contains(name)) {
      return true;
    }
    problems.add(
        new ConfigProblem(
            file,
            line,
            at.key(),
            "unknown stage '" + name + "'" + hint(name, stageNames, "stages")));
    return false;
  }

  private static String hint(String name, List<String> candidates, String what) {
    return Suggestions.closest(name, candidates)
        .map(c -> " (did you mean '" + c + "'?)")
        .orElse(" (" + what + ": " + String.join(", ", candidates) + ")");
  }

  /** Reports unknown and repeated keys of a mapping. */
  private void keys(ConfigTree.Mapping m, List<String> allowed, String what) {
    duplicates(m);
    for (ConfigTree.Entry e : m.entries()) {
      if (!allowed.contains(e.name())) {
        problem(
            e,
            "unknown key '"
                + e.name()
                + "'"
                + Suggestions.closest(e.name(), allowed)
                    .map(c -> " (did you mean '" + c + "'?)")
                    .orElse("")
                + "; "
                + what
                + " has "
                + String.join(", ", allowed));
      }
    }
  }

  private void duplicates(ConfigTree.Mapping m) {
    Map<String, Integer> seen = new HashMap<>();
    for (ConfigTree.Entry e : m.entries()) {
      Integer first = seen.putIfAbsent(e.name(), e.line());
      if (first != null) {
        problem(e, "'" + e.name() + "' is given twice (first on line " + first + ")");
      }
    }
  }

  private Optional<ConfigTree.Mapping> mapping(ConfigTree node, String expected) {
    if (node instanceof ConfigTree.Mapping m) {
      return Optional.of(m);
    }
    problem(node, "expected " + expected + ", not " + node.describe());
    return Optional.empty();
  }

  private Optional<String> scalar(ConfigTree node, String expected) {
    if (node instanceof ConfigTree.Scalar s && !s.isNull()) {
      return Optional.of(s.text());
    }
    problem(node, "expected " + expected + ", not " + node.describe());
    return Optional.empty();
  }

  /** A list's items; a single value stands for a list of one. */
  private List<ConfigTree> items(ConfigTree node, String expected) {
    if (node instanceof ConfigTree.Sequence list) {
      return list.items();
    }
    if (node instanceof ConfigTree.Scalar s && !s.isNull()) {
      return List.of(node);
    }
    problem(node, "expected a list of " + expected + ", not " + node.describe());
    return List.of();
  }

  private void problem(ConfigTree node, String message) {
    problems.add(ConfigProblem.at(file, node, message));
  }

  private void problem(ConfigTree.Entry entry, String message) {
    problems.add(new ConfigProblem(file, entry.line(), entry.value().key(), message));
  }
}
