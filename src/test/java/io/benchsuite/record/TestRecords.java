package io.benchsuite.record;

/**
 * Builds request records for tests with times in milliseconds after a fixed nanoTime origin, so fixtures
 * read like timelines.
 */
public final class TestRecords {

    /** An arbitrary nanoTime origin; nanoTime values have no meaning of their own. */
    public static final long ORIGIN_NANOS = 5_000_000_000_000L;
    /** The run anchor: the origin is at epoch second 1.7e9. */
    public static final TimeAnchor ANCHOR = new TimeAnchor(ORIGIN_NANOS, 1_700_000_000.0);

    private String prompt = "prompt";
    private int requestedOutputTokens = 16;
    private long intendedStartMs;
    private long startMs;
    private long endMs;
    private long[] chunkMs = new long[0];
    private int[] chunkTokens;
    private int promptTokens = 32;
    private int completionTokens = RequestRecord.NOT_REPORTED;
    private ErrorKind errorKind = ErrorKind.NONE;
    private Integer httpStatus = 200;
    private String errorMessage = "";

    private StreamDetails details = StreamDetails.NONE;

    public static TestRecords request() {
        return new TestRecords();
    }

    public static long nanos(double ms) {
        return ORIGIN_NANOS + Math.round(ms * 1_000_000);
    }

    public TestRecords prompt(String text) {
        prompt = text;
        return this;
    }

    public TestRecords requested(int tokens) {
        requestedOutputTokens = tokens;
        return this;
    }

    public TestRecords intendedStartMs(long ms) {
        intendedStartMs = ms;
        return this;
    }

    public TestRecords startMs(long ms) {
        startMs = ms;
        return this;
    }

    public TestRecords endMs(long ms) {
        endMs = ms;
        return this;
    }

    /** Chunk arrival times; each carries one token unless {@link #chunkTokens} says otherwise. */
    public TestRecords chunksMs(long... ms) {
        chunkMs = ms;
        return this;
    }

    public TestRecords chunkTokens(int... tokens) {
        chunkTokens = tokens;
        return this;
    }

    public TestRecords promptTokens(int tokens) {
        promptTokens = tokens;
        return this;
    }

    public TestRecords completionTokens(int tokens) {
        completionTokens = tokens;
        return this;
    }

    public TestRecords failed(ErrorKind kind, Integer status, String message) {
        errorKind = kind;
        httpStatus = status;
        errorMessage = message;
        return this;
    }

    /** The first visible content at {@code ms}, and the reasoning tokens the server reported (-1: none). */
    public TestRecords firstContentMs(long ms, int reasoningTokens) {
        details = new StreamDetails(nanos(ms), reasoningTokens, details.timings());
        return this;
    }

    public TestRecords timings(ServerTimings timings) {
        details = new StreamDetails(details.firstContentNanos(), details.reasoningTokens(), timings);
        return this;
    }

    public RequestRecord build() {
        long[] chunkNanos = new long[chunkMs.length];
        for (int i = 0; i < chunkMs.length; i++) {
            chunkNanos[i] = nanos(chunkMs[i]);
        }
        int[] tokens = chunkTokens;
        if (tokens == null) {
            tokens = new int[chunkMs.length];
            java.util.Arrays.fill(tokens, 1);
        }
        return new RequestRecord(
                0,
                prompt,
                requestedOutputTokens,
                nanos(intendedStartMs),
                nanos(startMs),
                nanos(endMs),
                chunkNanos,
                tokens,
                promptTokens,
                completionTokens,
                errorKind.outcome(),
                errorKind,
                httpStatus,
                errorMessage,
                null,
                details,
                RequestRecord.NOT_REPORTED,
                RequestRecord.NOT_REPORTED);
    }
}
