package dev.stagecraft.runtime.report;

import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;

/**
 * jte's escaping HTML output, which also replaces the control characters that HTML does not allow
 * (as {@link Html#printable} does) in every text a template writes, so a reason or parameter with a
 * stray control character (an ANSI colour code, say) still makes a valid page.
 */
final class PrintableHtmlOutput extends OwaspHtmlTemplateOutput {
  PrintableHtmlOutput(TemplateOutput output) {
    super(output);
  }

  @Override
  public void writeUserContent(String value) {
    super.writeUserContent(value == null ? null : Html.printable(value));
  }
}
