package dev.stagecraft.benchmarks;

import dev.stagecraft.runtime.components.search.Parameter;
import dev.stagecraft.runtime.components.search.ParameterSpace;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Standard test functions for hyperparameter search, minimized, identical to those of {@code
 * benchmarks/optuna/run_optuna.py}: Branin (2 reals, minimum 0.397887), Hartmann 6 (6 reals in [0,
 * 1], minimum -3.32237) and a mixed space (a choice, a log-scale real, an integer and a real;
 * minimum 0 at adam, 1e-3, 3 layers, dropout 0.2).
 */
final class TestFunctions {
  /** A named function over its space. */
  record TestFunction(String name, ParameterSpace space, ToDoubleFunction<Map<String, Object>> f) {}

  private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
  private static final double[][] A = {
    {10, 3, 17, 3.5, 1.7, 8},
    {0.05, 10, 17, 0.1, 8, 14},
    {3, 3.5, 1.7, 10, 17, 8},
    {17, 8, 0.05, 10, 0.1, 14}
  };
  private static final double[][] P = {
    {1312, 1696, 5569, 124, 8283, 5886},
    {2329, 4135, 8307, 3736, 1004, 9991},
    {2348, 1451, 3522, 2883, 3047, 6650},
    {4047, 8828, 8732, 5743, 1091, 381}
  };
  private static final List<Object> OPTIMIZERS = List.of("sgd", "momentum", "adam", "rmsprop");
  private static final double[] OFFSET = {0.6, 0.3, 0.0, 0.15};
  private static final double[] BEST_LOG_LR = {-1.0, -1.5, -3.0, -2.5};

  private TestFunctions() {}

  /** Branin, Hartmann 6 and the mixed space, in that order. */
  static List<TestFunction> all() {
    return List.of(branin(), hartmann6(), mixed());
  }

  private static TestFunction branin() {
    return new TestFunction(
        "branin",
        ParameterSpace.of(
            new Parameter.FloatRange("x1", -5, 10, false),
            new Parameter.FloatRange("x2", 0, 15, false)),
        p -> {
          double x1 = real(p, "x1");
          double x2 = real(p, "x2");
          double b = 5.1 / (4 * Math.PI * Math.PI);
          double c = 5 / Math.PI;
          double t = 1 / (8 * Math.PI);
          double inner = x2 - b * x1 * x1 + c * x1 - 6;
          return inner * inner + 10 * (1 - t) * Math.cos(x1) + 10;
        });
  }

  private static TestFunction hartmann6() {
    Parameter[] xs = new Parameter[6];
    for (int j = 0; j < 6; j++) {
      xs[j] = new Parameter.FloatRange("x" + (j + 1), 0, 1, false);
    }
    return new TestFunction(
        "hartmann6",
        ParameterSpace.of(xs),
        p -> {
          double total = 0;
          for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < 6; j++) {
              double d = real(p, "x" + (j + 1)) - P[i][j] * 1e-4;
              inner += A[i][j] * d * d;
            }
            total += ALPHA[i] * Math.exp(-inner);
          }
          return -total;
        });
  }

  private static TestFunction mixed() {
    return new TestFunction(
        "mixed",
        ParameterSpace.of(
            new Parameter.Categorical("optimizer", OPTIMIZERS),
            new Parameter.FloatRange("learning_rate", 1e-5, 1.0, true),
            new Parameter.IntRange("layers", 1, 8),
            new Parameter.FloatRange("dropout", 0, 0.5, false)),
        p -> {
          int k = OPTIMIZERS.indexOf(p.get("optimizer"));
          double lr = Math.log10(real(p, "learning_rate")) - BEST_LOG_LR[k];
          double layers = ((Number) p.get("layers")).intValue() - 3;
          double dropout = real(p, "dropout") - 0.2;
          return OFFSET[k] + 0.25 * lr * lr + 0.05 * layers * layers + 2 * dropout * dropout;
        });
  }

  private static double real(Map<String, Object> p, String name) {
    return ((Number) p.get(name)).doubleValue();
  }
}
