package io.benchsuite.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChunkDecoderTest {

    @Test
    void completionChunkWithContinuousUsage() throws Exception {
        Chunk c = ChunkDecoder.decode(
                "{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[{\"index\":0,\"text\":\" hello\",\"logprobs\":null,\"finish_reason\":null,"
                        + "\"stop_reason\":null}],\"usage\":{\"prompt_tokens\":12,\"total_tokens\":15,\"completion_tokens\":3}}");
        assertEquals(" hello", c.text());
        assertEquals(12, c.promptTokens());
        assertEquals(3, c.completionTokens());
        assertTrue(c.hasChoice());
        assertFalse(c.isError());
        assertNull(c.finishReason());
    }

    @Test
    void usageNullAndFinishReason() throws Exception {
        Chunk c = ChunkDecoder.decode(
                "{\"choices\":[{\"index\":0,\"text\":\"\",\"finish_reason\":\"length\"}]," + "\"usage\":null}");
        assertEquals("", c.text());
        assertEquals("length", c.finishReason());
        assertFalse(c.hasUsage());
    }

    @Test
    void finalUsageOnlyChunkHasNoChoice() throws Exception {
        Chunk c = ChunkDecoder.decode("{\"id\":\"x\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,"
                + "\"completion_tokens\":16,\"total_tokens\":21}}");
        assertFalse(c.hasChoice());
        assertEquals(16, c.completionTokens());
    }

    @Test
    void chatDeltaContent() throws Exception {
        Chunk c = ChunkDecoder.decode("{\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"finish_reason\":null}]}");
        assertEquals("Hi", c.text());
    }

    @Test
    void errorEventsInBothShapes() throws Exception {
        assertEquals(
                "boom",
                ChunkDecoder.decode("{\"error\":{\"object\":\"error\",\"message\":\"boom\",\"code\":500}}")
                        .errorMessage());
        assertEquals(
                "bad",
                ChunkDecoder.decode("{\"object\":\"error\",\"message\":\"bad\",\"type\":\"BadRequestError\","
                                + "\"code\":400}")
                        .errorMessage());
    }

    @Test
    void malformedJsonIsReported() {
        assertThrows(ChunkDecoder.MalformedChunkException.class, () -> ChunkDecoder.decode("{\"choices\":[{\"text\":"));
        assertThrows(ChunkDecoder.MalformedChunkException.class, () -> ChunkDecoder.decode("[1,2]"));
        assertThrows(ChunkDecoder.MalformedChunkException.class, () -> ChunkDecoder.decode("not json"));
    }

    private static Chunk next(ChunkDecoder decoder, String event) throws ChunkDecoder.MalformedChunkException {
        byte[] bytes = ("xx" + event + "yy").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return decoder.next(bytes, 2, bytes.length - 4); // an event in the middle of a network read
    }

    private static String textEvent(String text) {
        return "{\"choices\":[{\"index\":0,\"text\":\"" + text + "\",\"finish_reason\":null}],\"usage\":null}";
    }

    @Test
    void oneDecoderReadsAStreamEventByEvent() throws Exception {
        ChunkDecoder decoder = new ChunkDecoder();
        assertEquals(" a", next(decoder, textEvent(" a")).text());
        assertEquals(" b", next(decoder, textEvent(" b")).text());
        Chunk usage = next(decoder, "{\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2}}");
        assertEquals(2, usage.completionTokens());
        assertFalse(usage.hasChoice());
        assertEquals(" c", next(decoder, textEvent(" c")).text());
    }

    @Test
    void aMalformedOrTruncatedEventDoesNotSpoilTheNextOnes() throws Exception {
        ChunkDecoder decoder = new ChunkDecoder();
        assertEquals(" a", next(decoder, textEvent(" a")).text());
        // Truncated inside a value that is skipped: must throw, not wait for input that never comes.
        assertThrows(
                ChunkDecoder.MalformedChunkException.class,
                () -> next(decoder, "{\"id\":\"x\",\"logprobs\":{\"tokens\":[\"a\",[1,2"));
        assertEquals(" b", next(decoder, textEvent(" b")).text());
        assertThrows(ChunkDecoder.MalformedChunkException.class, () -> next(decoder, "{\"choices\":[{\"text\":"));
        assertThrows(ChunkDecoder.MalformedChunkException.class, () -> next(decoder, ""));
        assertThrows(ChunkDecoder.MalformedChunkException.class, () -> next(decoder, "42"));
        assertThrows(ChunkDecoder.MalformedChunkException.class, () -> next(decoder, "{\"a\":tru}"));
        assertEquals(" c", next(decoder, textEvent(" c")).text());
    }

    @Test
    void contentAfterTheObjectIsIgnoredAndDoesNotReachTheNextEvent() throws Exception {
        ChunkDecoder decoder = new ChunkDecoder();
        assertEquals(
                " a",
                next(decoder, textEvent(" a") + " {\"choices\":[{\"text\":\"leftover")
                        .text());
        assertEquals(" b", next(decoder, textEvent(" b") + "  \n").text());
        assertEquals(" c", next(decoder, textEvent(" c")).text());
    }
}
