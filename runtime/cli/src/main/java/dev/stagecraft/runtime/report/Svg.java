package dev.stagecraft.runtime.report;

import gg.jte.Content;
import gg.jte.TemplateOutput;

/**
 * An SVG drawing built by {@link DagSvg} or {@link TimelineSvg}, with every text from the run
 * escaped by {@link Html#escape}; a template writes it as it is with {@code ${svg}}. Only those two
 * classes make one, so no text from a run reaches the page unescaped.
 *
 * @param markup the {@code <svg>} element
 */
record Svg(String markup) implements Content {
  @Override
  public void writeTo(TemplateOutput output) {
    output.writeContent(markup);
  }
}
