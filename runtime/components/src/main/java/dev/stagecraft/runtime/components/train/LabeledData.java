package dev.stagecraft.runtime.components.train;

import java.util.List;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * A classification data set in Tribuo's form, with the names it was built from.
 *
 * @param dataset the examples, one per table row in row order
 * @param target the target column's name
 * @param featureNames the feature columns, in table order
 * @param labels the distinct target values present, sorted (as {@code numpy.unique} sorts them)
 */
public record LabeledData(
    MutableDataset<Label> dataset, String target, List<String> featureNames, List<String> labels) {

  /** Copies the name lists. */
  public LabeledData {
    featureNames = List.copyOf(featureNames);
    labels = List.copyOf(labels);
  }

  /** The number of examples. */
  public int size() {
    return dataset.size();
  }

  /** The example of row {@code i}. */
  public Example<Label> example(int i) {
    return dataset.getExample(i);
  }

  /** The true label of row {@code i}. */
  public String label(int i) {
    return dataset.getExample(i).getOutput().getLabel();
  }

  /** Whether the target has exactly two classes. */
  public boolean isBinary() {
    return labels.size() == 2;
  }
}
