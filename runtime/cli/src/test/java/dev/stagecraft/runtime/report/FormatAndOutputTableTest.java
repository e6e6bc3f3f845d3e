package dev.stagecraft.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatAndOutputTableTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void numbersKeepFourSignificantDigits() {
    assertEquals("0.9825", Format.number(0.9824561));
    assertEquals("3", Format.number(3.0));
    assertEquals("12.35", Format.number(12.3456));
    assertEquals("1234.568", Format.number(1234.5678));
    assertEquals("1.230e-07", Format.number(1.23e-7));
    assertEquals("NaN", Format.number(Double.NaN));
  }

  @Test
  void durationsReadAsPeopleSayThem() {
    assertEquals("450 ms", Format.millis(450));
    assertEquals("1.2 s", Format.millis(1230));
    assertEquals("1m05s", Format.millis(65_000));
    assertEquals("2h03m", Format.millis(2 * 3_600_000 + 3 * 60_000));
  }

  @Test
  void escapingCoversTextAndAttributes() {
    assertEquals(
        "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;", Html.escape("<a href=\"x\">&'</a>"));
    assertEquals("a\uFFFDb", Html.escape("a\u0001b"));
    assertEquals("", Html.escape(null));
  }

  @Test
  void printableTextKeepsTabsAndLineBreaksOnly() {
    assertEquals("a\uFFFDb\tc\r\n\uFFFD", Html.printable("a\u001bb\tc\r\n\u0000"));
    assertEquals("<plain & 'text'>", Html.printable("<plain & 'text'>"));
  }

  @Test
  void anOutputRecordBecomesDottedKeyValueRows() throws Exception {
    OutputTable t =
        OutputTable.of(
            "abTest",
            JSON.readTree(
                "{\"selected\":\"b\",\"pValue\":0.01234567,\"stats\":{\"n\":120,\"significant\":true},"
                    + "\"labels\":[\"B\",\"M\"],\"trials\":[{\"k\":1},{\"k\":2}],\"none\":null}"));
    assertEquals(
        List.of(
            new OutputTable.Row("selected", "b"),
            new OutputTable.Row("pValue", "0.01235"),
            new OutputTable.Row("stats.n", "120"),
            new OutputTable.Row("stats.significant", "true"),
            new OutputTable.Row("labels", "[B, M]"),
            new OutputTable.Row("trials[0].k", "1"),
            new OutputTable.Row("trials[1].k", "2"),
            new OutputTable.Row("none", "null")),
        t.rows());
  }

  @Test
  void aSingleValueIsOneRowAndNullIsNone() throws Exception {
    assertEquals(
        List.of(new OutputTable.Row("", "rows")),
        OutputTable.of("load", JSON.readTree("\"rows\"")).rows());
    assertTrue(OutputTable.of("void", JSON.readTree("null")).rows().isEmpty());
  }

  @Test
  void longOutputsAreCut() throws Exception {
    StringBuilder big = new StringBuilder("{");
    for (int i = 0; i < 100; i++) {
      big.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
    }
    OutputTable t = OutputTable.of("wide", JSON.readTree(big.append("}").toString()));
    assertEquals(OutputTable.MAX_ROWS, t.rows().size());
    assertTrue(t.truncated());
    assertEquals(
        new OutputTable.Row("items", "[12 items]"),
        OutputTable.of("x", JSON.readTree("{\"items\":[1,2,3,4,5,6,7,8,9,10,11,12]}"))
            .rows()
            .get(0));
  }
}
