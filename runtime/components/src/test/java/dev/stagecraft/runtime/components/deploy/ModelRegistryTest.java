package dev.stagecraft.runtime.components.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.components.train.ModelTraining;
import dev.stagecraft.runtime.components.train.TrainedModel;
import dev.stagecraft.runtime.components.train.TrainingConfig;
import dev.stagecraft.runtime.components.train.TribuoModels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ModelRegistryTest {
  @TempDir Path dir;

  private final Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Deploys to model {@code m} with nothing to check first. */
  private static Deployment deploy(
      ModelRegistry registry,
      byte[] bytes,
      String type,
      Double accuracy,
      String target,
      String runId,
      String stage) {
    return registry.deploy(
        bytes, type, accuracy, "m", target, new ModelSource(runId, stage, "data.csv"), () -> {});
  }

  @Test
  void deployPromotesANewVersionAndKeepsTheEarlierOnes() throws Exception {
    ModelRegistry registry = new ModelRegistry(dir, clock);
    Deployment first =
        deploy(registry, bytes("one"), "svm", 0.95, "production", "run-1", "train[0]");
    Deployment second =
        deploy(registry, bytes("two"), "random_forest", 0.97, "production", "run-2", "train[1]");
    assertEquals(1, first.version());
    assertNull(first.previousVersion());
    assertEquals(2, second.version());
    assertEquals(1, second.previousVersion());
    assertEquals("run-2", second.runId());
    assertEquals("m", second.model());
    assertEquals("data.csv", second.dataSet());
    assertEquals("train[1]", second.stage());
    assertEquals("2026-01-02T03:04:05Z", second.deployedAt());
    assertEquals(3, second.sizeBytes());
    assertEquals(second, registry.current("m", "production").orElseThrow());
    assertArrayEquals(bytes("one"), Files.readAllBytes(registry.modelFile("m", "production", 1)));
    assertArrayEquals(bytes("two"), Files.readAllBytes(registry.modelFile("m", "production", 2)));
    assertEquals(
        List.of(new TargetState("m", "production", 2, List.of(first, second))), registry.list());
    // nothing temporary is left behind
    try (Stream<Path> files = Files.walk(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
  }

  @Test
  void rollbackReturnsToThePreviousVersionStepByStep() {
    ModelRegistry registry = new ModelRegistry(dir, clock);
    deploy(registry, bytes("1"), "svm", null, "prod", "r1", "s");
    deploy(registry, bytes("2"), "svm", null, "prod", "r2", "s");
    deploy(registry, bytes("3"), "svm", null, "prod", "r3", "s");
    assertEquals(2, registry.rollback("m", "prod").version());
    assertEquals(1, registry.rollback("m", "prod").version());
    assertEquals(1, registry.current("m", "prod").orElseThrow().version());
    DeploymentException e =
        assertThrows(DeploymentException.class, () -> registry.rollback("m", "prod"));
    assertEquals(
        "target 'prod' of model 'm' is at its first version 1; there is no earlier version to"
            + " roll back to",
        e.getMessage());
    // deploying after a rollback continues the numbering and rolls back to where it came from
    Deployment fourth = deploy(registry, bytes("4"), "svm", null, "prod", "r4", "s");
    assertEquals(4, fourth.version());
    assertEquals(1, fourth.previousVersion());
    assertEquals(4, registry.list().get(0).versions().size());
  }

  @Test
  void targetsAreIndependentAndListedByName() {
    ModelRegistry registry = new ModelRegistry(dir, clock);
    deploy(registry, bytes("a"), "svm", null, "staging", "r1", "s");
    deploy(registry, bytes("b"), "svm", null, "production", "r1", "s");
    assertEquals(
        List.of("production", "staging"),
        registry.list().stream().map(TargetState::target).toList());
    assertTrue(new ModelRegistry(dir.resolve("empty")).list().isEmpty());
  }

  @Test
  void rollingBackAnUnknownTargetIsAnError() {
    ModelRegistry registry = new ModelRegistry(dir, clock);
    deploy(registry, bytes("a"), "svm", null, "staging", "r1", "s");
    DeploymentException e =
        assertThrows(DeploymentException.class, () -> registry.rollback("m", "production"));
    assertEquals(
        "model 'm' has no deployment to roll back at target 'production' (targets: m/staging)",
        e.getMessage());
  }

  @Test
  void aTrainedModelIsDeployedInTribuosFormat() {
    Table t =
        Table.create(
            "t",
            DoubleColumn.create("x", 0, 1, 2, 3, 10, 11, 12, 13),
            StringColumn.create("y", "lo", "lo", "lo", "lo", "hi", "hi", "hi", "hi"));
    TrainedModel trained =
        ModelTraining.train(
            t,
            t,
            "y",
            List.of(TrainingConfig.defaults("logistic_regression").withTrials(1).withFolds(2)));
    ModelRegistry registry = new ModelRegistry(dir, clock);
    Deployment d =
        registry.deploy(
            TribuoModels.toBytes(trained.model()),
            trained.modelType(),
            trained.accuracy(),
            "m",
            "production",
            new ModelSource("run-9", "train[0]", "t.csv"),
            () -> {});
    assertEquals("logistic_regression", d.modelType());
    assertEquals(trained.accuracy(), d.accuracy());
    Model<Label> model = registry.currentModel("m", "production");
    Example<Label> high =
        new ArrayExample<>(new Label("hi"), new String[] {"x"}, new double[] {12});
    assertEquals(
        trained.model().predict(high).getOutputScores(), model.predict(high).getOutputScores());
    DeploymentException none =
        assertThrows(DeploymentException.class, () -> registry.currentModel("m", "staging"));
    assertEquals(
        "nothing of model 'm' is deployed to target 'staging'; deploy a model first",
        none.getMessage());
  }

  @Test
  void badTargetNamesAreErrors() {
    ModelRegistry registry = new ModelRegistry(dir, clock);
    DeploymentException e =
        assertThrows(
            DeploymentException.class,
            () -> deploy(registry, bytes("a"), "svm", null, "../prod", "r", "s"));
    assertEquals(
        "deployment target '../prod' is not a valid name; use letters, digits, '.', '_' or '-'"
            + " (up to 64, starting with a letter or digit), e.g. production",
        e.getMessage());
  }

  @Test
  void concurrentDeploysGetDistinctVersions() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Deployment>> futures = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        String run = "run-" + i;
        futures.add(
            pool.submit(
                () ->
                    deploy(new ModelRegistry(dir, clock), bytes(run), "svm", null, "p", run, "s")));
      }
      List<Integer> versions = new ArrayList<>();
      for (Future<Deployment> f : futures) {
        versions.add(f.get().version());
      }
      assertEquals(12, versions.stream().distinct().count());
      assertEquals(12, new ModelRegistry(dir).list().get(0).versions().size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void eachModelHasItsOwnTargets() {
    ModelRegistry registry = new ModelRegistry(dir, clock);
    Deployment cancer =
        registry.deploy(
            bytes("c"),
            "svm",
            0.97,
            "ml-cancer",
            "production",
            new ModelSource("r1", "t", "cancer.csv"),
            () -> {});
    Deployment iris =
        registry.deploy(
            bytes("i"),
            "svm",
            0.91,
            "ml-iris",
            "production",
            new ModelSource("r2", "t", "iris.csv"),
            () -> {});
    assertEquals(1, cancer.version());
    assertEquals(1, iris.version(), "another model's production starts at version 1");
    assertEquals(cancer, registry.current("ml-cancer", "production").orElseThrow());
    assertEquals(iris, registry.current("ml-iris", "production").orElseThrow());
    assertEquals(
        List.of("ml-cancer/production", "ml-iris/production"),
        registry.list().stream().map(t -> t.model() + "/" + t.target()).toList());
    assertTrue(Files.isDirectory(dir.resolve("ml-iris").resolve("production").resolve("versions")));
  }

  @Test
  void nothingIsWrittenWhenTheCheckBeforePublishingFails() throws Exception {
    ModelRegistry registry = new ModelRegistry(dir, clock);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                registry.deploy(
                    bytes("x"),
                    "svm",
                    null,
                    "m",
                    "production",
                    new ModelSource("r", "s", null),
                    () -> {
                      throw new IllegalStateException("run r is not recorded");
                    }));
    assertEquals("run r is not recorded", e.getMessage());
    assertTrue(registry.list().isEmpty());
    assertEquals(Optional.empty(), registry.current("m", "production"));
  }

  @Test
  void targetsWrittenBeforeModelsHadNamesBelongToTheDefaultModel() throws Exception {
    Path legacy = Files.createDirectories(dir.resolve("production").resolve("versions"));
    Files.writeString(legacy.resolve("000001.model"), "old");
    Files.writeString(
        legacy.resolve("000001.json"),
        "{\"target\":\"production\",\"version\":1,\"runId\":\"r0\",\"stage\":\"train[0]\","
            + "\"modelType\":\"svm\",\"accuracy\":0.9,\"sha256\":\"x\",\"sizeBytes\":3,"
            + "\"deployedAt\":\"2025-01-01T00:00:00Z\",\"previousVersion\":null}");
    Files.writeString(dir.resolve("production").resolve("current"), "1\n");
    ModelRegistry registry = new ModelRegistry(dir, clock);
    deploy(registry, bytes("new"), "svm", null, "production", "r1", "s");

    List<TargetState> all = registry.list();
    assertEquals(
        List.of("default/production", "m/production"),
        all.stream().map(t -> t.model() + "/" + t.target()).toList());
    Deployment old = registry.current(ModelRegistry.DEFAULT_MODEL, "production").orElseThrow();
    assertEquals("default", old.model());
    assertEquals("r0", old.runId());
    assertNull(old.dataSet());
    assertEquals(1, registry.current("m", "production").orElseThrow().version());
  }

  @Test
  void aRegistryThatIsAFileIsAOneLineErrorBeforeAnythingRuns() throws Exception {
    Path file = Files.writeString(dir.resolve("registry"), "not a directory");
    ModelRegistry registry = new ModelRegistry(file, clock);
    DeploymentException e = assertThrows(DeploymentException.class, registry::checkWritable);
    assertEquals(
        "the model registry "
            + file
            + " is a file, not a directory; name a directory (created when absent) with -p"
            + " registryDir=DIR, or leave registryDir empty for STORE/registry",
        e.getMessage());
    DeploymentException deploying =
        assertThrows(
            DeploymentException.class,
            () -> deploy(registry, bytes("a"), "svm", null, "production", "r", "s"));
    assertEquals(
        "cannot write the model registry "
            + file
            + " (a file is in the way); make it writable, or name another directory with -p"
            + " registryDir=DIR",
        deploying.getMessage());
    new ModelRegistry(dir.resolve("fresh"), clock).checkWritable();
    assertTrue(Files.isDirectory(dir.resolve("fresh")), "created when absent");
  }
}
