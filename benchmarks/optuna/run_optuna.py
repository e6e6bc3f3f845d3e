#!/usr/bin/python3
"""Optuna 3.1 on the test functions of `benchmarks/run search`, for comparison.

Runs Optuna's TPESampler with its defaults (and its RandomSampler) for 50 trials on each test
function with seeds 0..19, minimizing, and writes the best value of each run to
benchmarks/optuna/optuna-results.json, which the search benchmark prints beside its own figures.
The functions must stay identical to SearchBenchmark's (dev.stagecraft.benchmarks.TestFunctions).

    apt-get install -y python3-optuna          # Debian 12: Optuna 3.1.0
    /usr/bin/python3 benchmarks/optuna/run_optuna.py
"""
import json
import math
import os
import statistics
import time

import optuna

TRIALS = 50
SEEDS = range(20)


def branin(trial):
    x1 = trial.suggest_float("x1", -5.0, 10.0)
    x2 = trial.suggest_float("x2", 0.0, 15.0)
    b = 5.1 / (4 * math.pi**2)
    c = 5 / math.pi
    t = 1 / (8 * math.pi)
    return (x2 - b * x1**2 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


ALPHA = [1.0, 1.2, 3.0, 3.2]
A = [
    [10, 3, 17, 3.5, 1.7, 8],
    [0.05, 10, 17, 0.1, 8, 14],
    [3, 3.5, 1.7, 10, 17, 8],
    [17, 8, 0.05, 10, 0.1, 14],
]
P = [
    [1312, 1696, 5569, 124, 8283, 5886],
    [2329, 4135, 8307, 3736, 1004, 9991],
    [2348, 1451, 3522, 2883, 3047, 6650],
    [4047, 8828, 8732, 5743, 1091, 381],
]


def hartmann6(trial):
    x = [trial.suggest_float("x" + str(j + 1), 0.0, 1.0) for j in range(6)]
    total = 0.0
    for i in range(4):
        inner = sum(A[i][j] * (x[j] - P[i][j] * 1e-4) ** 2 for j in range(6))
        total += ALPHA[i] * math.exp(-inner)
    return -total


OFFSET = {"sgd": 0.6, "momentum": 0.3, "adam": 0.0, "rmsprop": 0.15}
BEST_LOG_LR = {"sgd": -1.0, "momentum": -1.5, "adam": -3.0, "rmsprop": -2.5}


def mixed(trial):
    optimizer = trial.suggest_categorical("optimizer", ["sgd", "momentum", "adam", "rmsprop"])
    learning_rate = trial.suggest_float("learning_rate", 1e-5, 1.0, log=True)
    layers = trial.suggest_int("layers", 1, 8)
    dropout = trial.suggest_float("dropout", 0.0, 0.5)
    return (
        OFFSET[optimizer]
        + 0.25 * (math.log10(learning_rate) - BEST_LOG_LR[optimizer]) ** 2
        + 0.05 * (layers - 3) ** 2
        + 2 * (dropout - 0.2) ** 2
    )


FUNCTIONS = {"branin": branin, "hartmann6": hartmann6, "mixed": mixed}
SAMPLERS = {
    "tpe": lambda seed: optuna.samplers.TPESampler(seed=seed),
    "random": lambda seed: optuna.samplers.RandomSampler(seed=seed),
}


def main():
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    results = {"optuna": optuna.__version__, "trials": TRIALS, "seeds": len(SEEDS), "functions": {}}
    for name, function in FUNCTIONS.items():
        results["functions"][name] = {}
        for sampler_name, sampler in SAMPLERS.items():
            bests = []
            start = time.perf_counter()
            for seed in SEEDS:
                study = optuna.create_study(sampler=sampler(seed))
                study.optimize(function, n_trials=TRIALS)
                bests.append(study.best_value)
            seconds = time.perf_counter() - start
            results["functions"][name][sampler_name] = {
                "meanBest": statistics.fmean(bests),
                "best": bests,
                "secondsPerSuggestion": seconds / (len(SEEDS) * TRIALS),
            }
            print(f"{name:10} {sampler_name:7} mean best {statistics.fmean(bests):.6f} ({seconds:.1f} s)")
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "optuna-results.json")
    with open(out, "w") as f:
        json.dump(results, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
