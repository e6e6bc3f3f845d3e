package dev.stagecraft.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The data a model was trained on, from a stage output holding a data summary (as the main job's
 * preprocessing output does: source, target, rows per split, features, classes with their counts,
 * steps).
 *
 * @param instance the stage instance that produced it
 * @param source where the data came from
 * @param target the target column
 * @param trainRows the training rows
 * @param testRows the test rows
 * @param features the feature columns
 * @param classes each class with its rows in each split
 * @param steps the preprocessing applied
 */
public record DataCard(
    String instance,
    String source,
    String target,
    int trainRows,
    int testRows,
    List<String> features,
    List<ClassRow> classes,
    String steps) {

  /** A class and its rows in the training and the test split. */
  public record ClassRow(String label, int train, int test) {}

  /** Copies the lists. */
  public DataCard {
    features = List.copyOf(features);
    classes = List.copyOf(classes);
  }

  /** The most feature names the report lists before it counts the rest. */
  static final int MAX_FEATURES_SHOWN = 40;

  /** The first {@link #MAX_FEATURES_SHOWN} feature names, comma separated. */
  public String featuresShown() {
    return String.join(", ", features.subList(0, Math.min(features.size(), MAX_FEATURES_SHOWN)));
  }

  /** How many feature names {@link #featuresShown} leaves out. */
  public int featuresLeftOut() {
    return Math.max(0, features.size() - MAX_FEATURES_SHOWN);
  }

  /** The data card of an output that holds a data summary, else empty. */
  public static Optional<DataCard> of(String instance, JsonNode output) {
    return JsonFind.objectWith(output, "trainRows", "testRows", "classes", "features", "target")
        .map(
            d -> {
              List<String> features = new ArrayList<>();
              d.path("features").forEach(f -> features.add(f.asText()));
              List<ClassRow> classes = new ArrayList<>();
              d.path("classes")
                  .forEach(
                      c ->
                          classes.add(
                              new ClassRow(
                                  c.path("label").asText(),
                                  c.path("train").asInt(),
                                  c.path("test").asInt())));
              return new DataCard(
                  instance,
                  d.path("source").asText(""),
                  d.path("target").asText(),
                  d.path("trainRows").asInt(),
                  d.path("testRows").asInt(),
                  features,
                  classes,
                  d.path("steps").asText(""));
            });
  }
}
