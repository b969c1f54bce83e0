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
}
