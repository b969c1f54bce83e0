package io.benchsuite.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.record.CompletionRequest;
import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.Outcome;
import io.benchsuite.record.RequestRecord;
import io.benchsuite.record.StreamDetails;
import io.benchsuite.record.TokenCountSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every stream shape a real server sends, read by the recorder: the published server bytes of
 * {@code src/test/resources/server-output} (the values asserted are those their README gives) and the
 * shapes of the SSE and OpenAI specifications that no fixture shows. Each stream is fed one event per read,
 * event i arriving at {@link #T0} + i ms, and again one byte per read, which must give the same record.
 */
class StreamShapesTest {

    private static final long T0 = 1_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final Pattern EVENT_END = Pattern.compile("(?<=\\r\\n\\r\\n|\\n\\n|\\r\\r)");

    // --- The published fixtures ---

    @Test
    void dashscopeDataWithoutSpaceRoleInEveryDeltaAndSurrogatePair() throws IOException {
        String stream = fixture("dashscope-deepseek-r1-sse-data-without-space.txt");
        RequestRecord r = record(stream, 8);
        assertEquals(Outcome.SUCCESS, r.outcome(), r.errorMessage());
        assertEquals(3, r.chunkCount(), "3 token-bearing events; the role-only delta is not one");
        assertEquals(3, r.chunkTokenSum(), "without usage each arrival carries 1");
        assertEquals(" today? \uD83D\uDE80", r.generatedText());
        assertArrayEquals(new long[] {T0 + MS, T0 + 2 * MS, T0 + 4 * MS}, r.chunkNanos());
        assertEquals(TokenCountSource.CHUNKS, r.tokenCountSource(), "no usage: the count is an estimate");
        assertEquals(3, r.generatedTokens());
        assertEquals(T0 + MS, r.details().firstContentNanos());
        assertEquals("stop", lastFinishReason(stream));
    }

    @Test
    void llamacppFinalChunkWithUsageAndTimingsIsNotAnArrival() throws IOException {
        RequestRecord r = record(fixture("llamacpp-b4764-sse-final-chunk-usage-and-timings.txt"), 1);
        assertEquals(0, r.chunkCount(), "an empty delta with finish_reason and usage carries no token");
        assertEquals(1, r.completionTokens());
        assertEquals(43, r.promptTokens());
        assertEquals(TokenCountSource.USAGE, r.tokenCountSource());
        assertEquals(1, r.generatedTokens());
        assertEquals(1, r.details().timings().predictedN());
        assertEquals(43, r.details().timings().promptN());
        assertEquals(35714.28571428571, r.details().timings().predictedPerSecond(), 1e-9);
        assertEquals(ErrorKind.STREAM_TRUNCATED, r.errorKind(), "an excerpt: it stops without [DONE]");
    }

    @Test
    void llamacppReasoningContentWithTimingsOnEveryChunk() throws IOException {
        RequestRecord r = record(fixture("llamacpp-b9554-sse-reasoning-content-with-timings.txt"), 8);
        assertEquals(2, r.chunkCount(), "2 token-bearing events");
        assertEquals(2, r.chunkTokenSum(), "without usage each arrival carries 1, whatever timings say");
        assertEquals(T0 + MS, r.chunkNanosAt(0), "the first reasoning delta is the first token (TTFT)");
        assertFalse(r.details().hasFirstContent(), "reasoning only: no visible content yet");
        assertEquals(TokenCountSource.TIMINGS, r.tokenCountSource());
        assertEquals(79, r.generatedTokens(), "the server's count: the last timings.predicted_n");
        assertEquals(10, r.details().timings().promptN());
        assertEquals(68.83475824187315, r.details().timings().predictedPerSecond(), 1e-9);
    }

    @Test
    void vllmReasoningContentDeltasAfterARoleOnlyChunk() throws IOException {
        RequestRecord r = record(fixture("vllm-0.7.2-sse-reasoning-content-deltas.txt"), 8);
        assertEquals(3, r.chunkCount(), "3 token-bearing events, whitespace-only reasoning included");
        assertEquals(3, r.chunkTokenSum());
        assertEquals(T0 + 2 * MS, r.chunkNanosAt(0), "TTFT at the first reasoning delta, not the role chunk");
        assertFalse(r.details().hasFirstContent());
        assertEquals(TokenCountSource.CHUNKS, r.tokenCountSource());
        assertEquals(3, r.generatedTokens());
    }

    // --- Shapes no fixture shows ---

    @Test
    void crlfLineEndsAndCommentLines() {
        String stream = ":\n\n: ping\n\n" + completion("a", null) + ": ping - 2025-01-01\n\n" + completion("b", null)
                + ":\n\ndata: [DONE]\n\n";
        RequestRecord r = record(stream.replace("\n", "\r\n"), 2);
        assertEquals(Outcome.SUCCESS, r.outcome(), r.errorMessage());
        assertEquals(2, r.chunkCount());
        assertEquals("ab", r.generatedText());
        assertFalse(r.details().timings().present());
    }

    @Test
    void roleOnlyChunkAndPingsWithoutAnyTokenIsALengthMismatchNotAnArrival() {
        String stream = "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}\n\n: ping\n\n:\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
        RequestRecord r = record(stream, 8);
        assertEquals(Outcome.SUCCESS, r.outcome());
        assertEquals(0, r.chunkCount());
        assertEquals(0, r.generatedTokens());
        assertEquals(TokenCountSource.CHUNKS, r.tokenCountSource());
    }

    @Test
    void continuousUsageCountsMergedTokensAndTheFinalUsageIsNeverAddedAgain() {
        // vLLM with continuous_usage_stats: the role chunk has usage 0, a chunk may carry two tokens, and the
        // final usage-only chunk repeats the total.
        String stream = chat("", 5, 0) + chat("Hel", 5, 1) + chat("lo wor", 5, 3) + chat("ld", 5, 4)
                + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":4}}\n\ndata: [DONE]\n\n";
        RequestRecord r = record(stream, 4);
        assertArrayEquals(new int[] {1, 2, 1}, r.chunkTokens());
        assertEquals(4, r.chunkTokenSum());
        assertEquals(4, r.completionTokens());
        assertEquals(TokenCountSource.USAGE, r.tokenCountSource());
    }

    @Test
    void aFinalUsageOnlySetsTheCountWhenChunksCarryNone() {
        // llama.cpp completions: usage rides on a last choice chunk with empty text, after 3 text chunks.
        String stream = completion("a", null) + completion("b", null) + completion("c", null)
                + "data: {\"choices\":[{\"index\":0,\"text\":\"\",\"finish_reason\":\"length\"}],"
                + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3}}\n\ndata: [DONE]\n\n";
        RequestRecord r = record(stream, 3);
        assertArrayEquals(new int[] {1, 1, 1}, r.chunkTokens(), "3 arrivals for 3 tokens, not 4, not 6");
        assertEquals(3, r.completionTokens());
        assertEquals(9, r.promptTokens());
    }

    @Test
    void usageWithoutChoicesAndRunningTotalsTakeTheLast() {
        String stream = completion("a", null) + completion("b", null)
                + "data: {\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":1}}\n\n"
                + "data: {\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2}}\n\ndata: [DONE]\n\n";
        RequestRecord r = record(stream, 2);
        assertEquals(2, r.completionTokens(), "the last running total");
        assertEquals(2, r.chunkTokenSum());
    }

    @Test
    void reasoningThenContentRecordsBothFirstTimesAndTheReasoningCount() {
        String stream = "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"reasoning\":\"Think\",\"content\":null}}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"ing\"}}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Yes\"}}]}\n\n"
                + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":3,"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":2}}}\n\ndata: [DONE]\n\n";
        RequestRecord r = record(stream, 3);
        assertEquals(3, r.chunkCount());
        assertEquals(T0 + 2 * MS, r.chunkNanosAt(0), "TTFT: the first token of any kind");
        assertEquals(T0 + 4 * MS, r.details().firstContentNanos(), "time to first content: the first visible token");
        assertEquals(2, r.details().reasoningTokens());
        assertEquals("Yes", r.generatedText());
    }

    @Test
    void aRecordWithoutAStreamHasNoDetails() {
        assertFalse(StreamDetails.NONE.hasFirstContent());
    }

    // --- helpers ---

    private static String completion(String text, Integer completionTokens) {
        return "data: {\"choices\":[{\"index\":0,\"text\":\"" + text + "\",\"finish_reason\":null}],\"usage\":"
                + (completionTokens == null
                        ? "null"
                        : "{\"prompt_tokens\":9,\"completion_tokens\":" + completionTokens + "}")
                + "}\n\n";
    }

    private static String chat(String content, int promptTokens, int completionTokens) {
        return "data:{\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
                + content + "\"}}],\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":"
                + completionTokens + "}}\n\n";
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = StreamShapesTest.class.getResourceAsStream("/server-output/" + name)) {
            assertTrue(in != null, name + " in src/test/resources/server-output");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The events of a stream, each with its closing blank line. */
    static List<String> events(String stream) {
        List<String> events = new ArrayList<>();
        for (String event : EVENT_END.split(stream)) {
            if (!event.isEmpty()) {
                events.add(event);
            }
        }
        return events;
    }

    /** Records the stream fed event by event, checks that one byte per read gives the same record. */
    static RequestRecord record(String stream, int requested) {
        CompletionRequest request = new CompletionRequest(1, "p", requested, T0);
        StreamRecorder byEvent = new StreamRecorder(request, T0, true);
        List<String> events = events(stream);
        for (int i = 0; i < events.size(); i++) {
            byEvent.onBytes(events.get(i).getBytes(StandardCharsets.UTF_8), T0 + (i + 1) * MS);
        }
        RequestRecord record = byEvent.onEnd(T0 + (events.size() + 1) * MS);

        StreamRecorder byByte = new StreamRecorder(request, T0, true);
        for (int i = 0; i < events.size(); i++) {
            byte[] bytes = events.get(i).getBytes(StandardCharsets.UTF_8);
            for (byte b : bytes) {
                byByte.onBytes(new byte[] {b}, T0 + (i + 1) * MS);
            }
        }
        assertEquals(record, byByte.onEnd(T0 + (events.size() + 1) * MS), "same record when split byte by byte");
        return record;
    }

    private static String lastFinishReason(String stream) {
        String reason = null;
        for (String event : events(stream)) {
            String data = event.strip().substring("data:".length()).strip();
            if (!data.equals("[DONE]")) {
                try {
                    Chunk chunk = ChunkDecoder.decode(data);
                    reason = chunk.finishReason() != null ? chunk.finishReason() : reason;
                } catch (ChunkDecoder.MalformedChunkException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return reason;
    }
}
