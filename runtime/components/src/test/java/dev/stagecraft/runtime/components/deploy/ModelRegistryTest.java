package dev.stagecraft.runtime.components.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.components.train.ModelTraining;
import dev.stagecraft.runtime.components.train.TrainedModel;
import dev.stagecraft.runtime.components.train.TrainingConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  void deployPromotesANewVersionAndKeepsTheEarlierOnes() throws Exception {
    ModelRegistry registry = new ModelRegistry(dir, clock);
    Deployment first =
        registry.deploy(bytes("one"), "svm", 0.95, "production", "run-1", "train[0]");
    Deployment second =
        registry.deploy(bytes("two"), "random_forest", 0.97, "production", "run-2", "train[1]");
    assertEquals(1, first.version());
    assertNull(first.previousVersion());
    assertEquals(2, second.version());
    assertEquals(1, second.previousVersion());
    assertEquals("run-2", second.runId());
    assertEquals("train[1]", second.stage());
    assertEquals("2026-01-02T03:04:05Z", second.deployedAt());
    assertEquals(3, second.sizeBytes());
    assertEquals(second, registry.current("production").orElseThrow());
    assertArrayEquals(bytes("one"), Files.readAllBytes(registry.modelFile("production", 1)));
    assertArrayEquals(bytes("two"), Files.readAllBytes(registry.modelFile("production", 2)));
    assertEquals(
        List.of(new TargetState("production", 2, List.of(first, second))), registry.list());
    // nothing temporary is left behind
    try (Stream<Path> files = Files.walk(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
  }

  @Test
  void rollbackReturnsToThePreviousVersionStepByStep() {
    ModelRegistry registry = new ModelRegistry(dir, clock);
    registry.deploy(bytes("1"), "svm", null, "prod", "r1", "s");
    registry.deploy(bytes("2"), "svm", null, "prod", "r2", "s");
    registry.deploy(bytes("3"), "svm", null, "prod", "r3", "s");
    assertEquals(2, registry.rollback("prod").version());
    assertEquals(1, registry.rollback("prod").version());
    assertEquals(1, registry.current("prod").orElseThrow().version());
    DeploymentException e =
        assertThrows(DeploymentException.class, () -> registry.rollback("prod"));
    assertEquals(
        "target 'prod' is at its first version 1; there is no earlier version to roll back to",
        e.getMessage());
    // deploying after a rollback continues the numbering and rolls back to where it came from
    Deployment fourth = registry.deploy(bytes("4"), "svm", null, "prod", "r4", "s");
    assertEquals(4, fourth.version());
    assertEquals(1, fourth.previousVersion());
    assertEquals(4, registry.list().get(0).versions().size());
  }

  @Test
  void targetsAreIndependentAndListedByName() {
    ModelRegistry registry = new ModelRegistry(dir, clock);
    registry.deploy(bytes("a"), "svm", null, "staging", "r1", "s");
    registry.deploy(bytes("b"), "svm", null, "production", "r1", "s");
    assertEquals(
        List.of("production", "staging"),
        registry.list().stream().map(TargetState::target).toList());
    assertTrue(new ModelRegistry(dir.resolve("empty")).list().isEmpty());
  }

  @Test
  void rollingBackAnUnknownTargetIsAnError() {
    ModelRegistry registry = new ModelRegistry(dir, clock);
    registry.deploy(bytes("a"), "svm", null, "staging", "r1", "s");
    DeploymentException e =
        assertThrows(DeploymentException.class, () -> registry.rollback("production"));
    assertEquals(
        "target 'production' has no deployment to roll back (targets: [staging])", e.getMessage());
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
    Deployment d = registry.deploy(trained, "production", "run-9", "train[0]");
    assertEquals("logistic_regression", d.modelType());
    assertEquals(trained.accuracy(), d.accuracy());
    Model<Label> model = registry.currentModel("production");
    Example<Label> high =
        new ArrayExample<>(new Label("hi"), new String[] {"x"}, new double[] {12});
    assertEquals(
        trained.model().predict(high).getOutputScores(), model.predict(high).getOutputScores());
    DeploymentException none =
        assertThrows(DeploymentException.class, () -> registry.currentModel("staging"));
    assertEquals(
        "nothing is deployed to target 'staging'; deploy a model first", none.getMessage());
  }

  @Test
  void badTargetNamesAreErrors() {
    ModelRegistry registry = new ModelRegistry(dir, clock);
    DeploymentException e =
        assertThrows(
            DeploymentException.class,
            () -> registry.deploy(bytes("a"), "svm", null, "../prod", "r", "s"));
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
                    new ModelRegistry(dir, clock).deploy(bytes(run), "svm", null, "p", run, "s")));
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
}
