"""scikit-learn's fit times on the data of `benchmarks/run training-scale`.

Reads the benchmark's CSV (20 features f0..f19 and a 0/1 label; `benchmarks/run training-scale
generate FILE` writes it), fits on the first 80,000 rows and scores accuracy on the other 20,000,
as the Java benchmark does: features standardized by the training rows' mean and population
deviation for logistic regression, raw for the trees. Each model is fitted ROUNDS times (after
one warm-up fit, and more rounds until they add up to 2 s, for the fast ones) with 1 and with 2
threads (threadpoolctl for OpenMP and BLAS, n_jobs for the forest); the median fit time is kept.
Writes the figures as JSON to the second argument.

Usage: /usr/bin/python3 benchmarks/sklearn/fit_times.py DATA.csv OUT.json [ROUNDS]
"""

import json
import platform
import statistics
import sys
import time

import numpy as np
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from threadpoolctl import threadpool_limits

TRAIN_ROWS = 80_000
MIN_SECONDS = 2.0


def models(threads):
    """The three estimators, configured as their Stagecraft counterparts in the benchmark."""
    return {
        "logistic_regression": (True, LogisticRegression()),
        "random_forest": (
            False,
            RandomForestClassifier(
                n_estimators=100,
                max_depth=12,
                max_features="sqrt",
                min_samples_leaf=5,
                n_jobs=threads,
                random_state=0,
            ),
        ),
        "gradient_boosting": (
            False,
            HistGradientBoostingClassifier(
                max_iter=100,
                learning_rate=0.1,
                max_leaf_nodes=31,
                early_stopping=False,
                random_state=0,
            ),
        ),
    }


def main():
    data_path, out_path = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    data = np.loadtxt(data_path, delimiter=",", skiprows=1)
    x, y = data[:, :-1], data[:, -1].astype(int)
    x_train, y_train = x[:TRAIN_ROWS], y[:TRAIN_ROWS]
    x_test, y_test = x[TRAIN_ROWS:], y[TRAIN_ROWS:]
    mean, std = x_train.mean(axis=0), x_train.std(axis=0)
    scaled_train, scaled_test = (x_train - mean) / std, (x_test - mean) / std
    results = {}
    for threads in (1, 2):
        with threadpool_limits(limits=threads):
            for name, (scaled, model) in models(threads).items():
                train = scaled_train if scaled else x_train
                test = scaled_test if scaled else x_test
                model.fit(train, y_train)
                times = []
                while len(times) < rounds or sum(times) < MIN_SECONDS:
                    start = time.perf_counter()
                    model.fit(train, y_train)
                    times.append(time.perf_counter() - start)
                accuracy = float((model.predict(test) == y_test).mean())
                seconds = statistics.median(times)
                results.setdefault(name, {})[str(threads)] = {
                    "seconds": round(seconds, 4),
                    "accuracy": round(accuracy, 4),
                }
                print(f"{name:20s} threads {threads}: {seconds:8.3f} s  accuracy {accuracy:.4f}")
    with open(out_path, "w") as out:
        json.dump(
            {
                "sklearn": sklearn.__version__,
                "numpy": np.__version__,
                "python": platform.python_version(),
                "trainRows": TRAIN_ROWS,
                "testRows": int(len(y_test)),
                "rounds": rounds,
                "results": results,
            },
            out,
            indent=2,
        )
        out.write("\n")


if __name__ == "__main__":
    main()
