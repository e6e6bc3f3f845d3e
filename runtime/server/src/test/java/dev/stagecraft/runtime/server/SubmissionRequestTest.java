package dev.stagecraft.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubmissionRequestTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static SubmissionRequest parse(String body) {
    return SubmissionRequest.parse(body.getBytes(StandardCharsets.UTF_8), JSON);
  }

  private static String error(String body) {
    HttpError e = assertThrows(HttpError.class, () -> parse(body));
    assertEquals(400, e.status());
    return e.getMessage();
  }

  @Test
  void valuesAreTakenInTheTextFormTheCommandLineGives() {
    SubmissionRequest r =
        parse(
            "{\"pipeline\":\"advanced-ml\",\"params\":{\"testSize\":0.3,\"nTrials\":4,"
                + "\"pruning\":true,\"searchMethod\":\"tpe\"},\"profile\":{\"data_size\":\"2Gi\"},"
                + "\"environment\":\"staging\"}");
    assertEquals("advanced-ml", r.pipeline());
    assertEquals(
        Map.of("testSize", "0.3", "nTrials", "4", "pruning", "true", "searchMethod", "tpe"),
        r.params());
    assertEquals(Map.of("data_size", "2Gi"), r.profile());
    assertEquals(Optional.of("staging"), r.environment());
    assertEquals(r, parse(r.toJson(JSON)));
  }

  @Test
  void eachMistakeIsOneMessageSayingWhatToWrite() {
    assertEquals(
        "the request body is not valid JSON: Unexpected end-of-input: expected close marker for"
            + " Object (line 1, column 23)",
        error("{\"pipeline\": \"diamond\""));
    assertEquals(
        "the request body must be a JSON object: {\"pipeline\": NAME, \"params\": {...},"
            + " \"profile\": {...}, \"environment\": ENV}",
        error("[1, 2]"));
    assertEquals(
        "the request needs \"pipeline\": the name of a pipeline, a string",
        error("{\"params\":{}}"));
    assertEquals(
        "unknown field 'parms' in the request (did you mean 'params'?); a submission has"
            + " pipeline, params, profile and environment",
        error("{\"pipeline\":\"diamond\",\"parms\":{}}"));
    assertEquals(
        "params.bins must be a string, number or boolean, not an object",
        error("{\"pipeline\":\"diamond\",\"params\":{\"bins\":{}}}"));
    assertEquals(
        "\"environment\" must be a string, not a number",
        error("{\"pipeline\":\"diamond\",\"environment\":3}"));
  }
}
