package io.benchsuite.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptJsonTest {

    @Test
    void writesTheSeedsLayoutWithFourSpaceIndentAndFinalNewline() {
        assertEquals("[\n    \"one\",\n    \" two\"\n]\n", PromptJson.write(List.of("one", " two")));
        assertEquals("[]\n", PromptJson.write(List.of()));
    }

    @Test
    void escapesLikePythonsEnsureAscii() {
        // json.dumps(["caf\u00e9 \"x\"\\\n\t\u007f\U0001F600"], indent=4) in Python gives exactly this
        String written = PromptJson.write(List.of("caf\u00e9 \"x\"\\\n\t\u007f\uD83D\uDE00"));
        assertEquals("[\n    \"caf\\u00e9 \\\"x\\\"\\\\\\n\\t\\u007f\\ud83d\\ude00\"\n]\n", written);
    }

    @Test
    void jacksonReadsBackWhatWasWritten() throws Exception {
        List<String> prompts = List.of("plain", "line\nbreak", "Zo\u00eb said \"hi\"", "\u0001control");
        String[] read = new ObjectMapper().readValue(PromptJson.write(prompts), String[].class);
        assertEquals(prompts, Arrays.asList(read));
    }
}
