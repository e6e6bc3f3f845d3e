package dev.stagecraft.examples.abdemo;

import dev.stagecraft.annotations.Default;
import dev.stagecraft.annotations.ForEach;
import dev.stagecraft.annotations.Input;
import dev.stagecraft.annotations.Item;
import dev.stagecraft.annotations.Param;
import dev.stagecraft.annotations.Pipeline;
import dev.stagecraft.annotations.Range;
import dev.stagecraft.annotations.Stage;
import dev.stagecraft.annotations.StageType;
import dev.stagecraft.annotations.When;
import dev.stagecraft.runtime.StageContext;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The shape of the advanced ML pipeline with stand-in computations: train two variants in parallel,
 * A/B test them only when enabled, deploy the winner only when the test is confident, and deploy a
 * single model when A/B testing is off. The accuracies are parameters, so every branch can be tried
 * from the command line.
 */
@Pipeline(description = "Stand-in A/B pipeline: conditions and fan-out without real training")
public class AbDemoPipeline {

  /** The prepared data set's shape. */
  public record PreparedData(int rows, int trainRows, int testRows) {}

  /** A stand-in model: its variant and the accuracy it reached on the test rows. */
  public record TrainedModel(String variant, double accuracy, int testRows) {}

  /** The A/B decision. */
  public record AbTestResult(String winner, double improvement, double pValue, double confidence) {}

  /** What was deployed where. */
  public record Deployment(String variant, String target, double accuracy) {}

  /** Splits the rows 80/20 (five rows or more, so the test split has one). */
  @Stage(type = StageType.PREPROCESSING)
  public PreparedData preprocess(@Param("rows") @Default("1000") @Range(min = 5) int rows) {
    int test = rows / 5;
    return new PreparedData(rows, rows - test, test);
  }

  /** "Trains" one variant: its accuracy is the matching parameter. */
  @Stage(type = StageType.TRAINING)
  @ForEach(items = {"a", "b"})
  public TrainedModel train(
      @Input("preprocess") PreparedData data,
      @Item String variant,
      @Param("accuracyA") @Default("0.90") @Range(min = 0, max = 1) double accuracyA,
      @Param("accuracyB") @Default("0.95") @Range(min = 0, max = 1) double accuracyB,
      StageContext ctx) {
    double accuracy = variant.equals("a") ? accuracyA : accuracyB;
    ctx.metric("accuracy", accuracy);
    return new TrainedModel(variant, accuracy, data.testRows());
  }

  /** Two-proportion z-test between the two variants; confidence is 1 - p when significant. */
  @Stage(type = StageType.EVALUATION)
  @When("enableAbTesting")
  public AbTestResult abTest(
      @Input("train") List<TrainedModel> models,
      @Param("enableAbTesting") @Default("true") boolean enabled,
      StageContext ctx) {
    TrainedModel a = models.get(0);
    TrainedModel b = models.get(1);
    int n = a.testRows();
    double pooled = (a.accuracy() + b.accuracy()) / 2;
    double se = Math.sqrt(pooled * (1 - pooled) * 2.0 / n);
    double z = se == 0 ? 0 : (b.accuracy() - a.accuracy()) / se;
    double p = 2 * (1 - new NormalDistribution().cumulativeProbability(Math.abs(z)));
    TrainedModel winner = b.accuracy() > a.accuracy() ? b : a;
    double confidence = p < 0.05 ? 1 - p : 0.5;
    ctx.metric("p_value", p);
    ctx.metric("confidence", confidence);
    return new AbTestResult(winner.variant(), Math.abs(b.accuracy() - a.accuracy()), p, confidence);
  }

  /** Deploys the A/B winner, only when the test is confident. */
  @Stage(type = StageType.DEPLOYMENT)
  @When("abTest.confidence > 0.8")
  public Deployment deployWinner(
      @Input("abTest") AbTestResult result, @Input("train") List<TrainedModel> models) {
    TrainedModel winner =
        models.stream().filter(m -> m.variant().equals(result.winner())).findFirst().orElseThrow();
    return new Deployment(winner.variant(), "production", winner.accuracy());
  }

  /** Deploys variant a alone when A/B testing is off. */
  @Stage(type = StageType.DEPLOYMENT)
  @When("!enableAbTesting")
  public Deployment deploySingle(@Input("train") List<TrainedModel> models) {
    TrainedModel a = models.get(0);
    return new Deployment(a.variant(), "production", a.accuracy());
  }
}
