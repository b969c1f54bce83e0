package io.benchsuite.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a Server-Sent Events byte stream into events, pure and incremental: feed it the bytes of each
 * network read with the time they arrived, and it calls back once per complete event with the arrival time
 * of the read that completed it. No JSON is parsed here, so the timestamp is taken before any decoding.
 *
 * <p>Handles events split across reads, several events in one read, LF and CRLF line ends, comment lines
 * ({@code :}), multi-line {@code data:} fields (joined with a newline) and fields other than data, which
 * are ignored as LLM servers do not use them.
 */
public final class SseFrameParser {

    /** Receives each complete event's data field. */
    @FunctionalInterface
    public interface EventSink {
        void onEvent(String data, long arrivalNanos);
    }

    private final EventSink sink;
    private byte[] line = new byte[512];
    private int lineLength;
    /** The first data line of the current event; the builder is used only when an event has several. */
    private String firstData;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private boolean lastWasCr;

    public SseFrameParser(EventSink sink) {
        this.sink = sink;
    }

    public void feed(byte[] bytes, int offset, int length, long arrivalNanos) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            if (lastWasCr && bytes[i] == '\n') { // the LF of a CRLF: the line already ended at the CR
                lastWasCr = false;
                i++;
                continue;
            }
            lastWasCr = false;
            // Copy the run of bytes up to the next line end in one go: this loop runs for every byte of every
            // stream, and a per-byte append with its bounds check was the client's most expensive frame.
            int lineEnd = i;
            while (lineEnd < end && bytes[lineEnd] != '\n' && bytes[lineEnd] != '\r') {
                lineEnd++;
            }
            append(bytes, i, lineEnd - i);
            if (lineEnd == end) {
                return; // the line goes on in the next read
            }
            lastWasCr = bytes[lineEnd] == '\r';
            endLine(arrivalNanos);
            i = lineEnd + 1;
        }
    }

    private void append(byte[] bytes, int from, int count) {
        if (lineLength + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + count));
        }
        System.arraycopy(bytes, from, line, lineLength, count);
        lineLength += count;
    }

    public void feed(byte[] bytes, long arrivalNanos) {
        feed(bytes, 0, bytes.length, arrivalNanos);
    }

    /** Whether bytes of an unfinished event are buffered (the stream ended mid-event if so). */
    public boolean hasPartialEvent() {
        return lineLength > 0 || hasData;
    }

    private void endLine(long arrivalNanos) {
        if (lineLength == 0) {
            if (hasData) {
                String event = data.length() == 0 ? firstData : data.toString();
                firstData = null;
                data.setLength(0);
                hasData = false;
                sink.onEvent(event, arrivalNanos);
            }
            return;
        }
        if (line[0] != ':' && startsWithData()) {
            int valueStart = 5;
            if (lineLength > 5 && line[5] == ' ') {
                valueStart = 6;
            }
            String value = new String(line, valueStart, lineLength - valueStart, StandardCharsets.UTF_8);
            if (!hasData) {
                firstData = value;
            } else {
                if (data.length() == 0) {
                    data.append(firstData);
                }
                data.append('\n').append(value);
            }
            hasData = true;
        }
        lineLength = 0;
    }

    private boolean startsWithData() {
        return lineLength >= 5 && line[0] == 'd' && line[1] == 'a' && line[2] == 't' && line[3] == 'a'
                && line[4] == ':';
    }
}
