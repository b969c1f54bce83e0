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
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private boolean lastWasCr;

    public SseFrameParser(EventSink sink) {
        this.sink = sink;
    }

    public void feed(byte[] bytes, int offset, int length, long arrivalNanos) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                if (lastWasCr) { // the LF of a CRLF: the line already ended at the CR
                    lastWasCr = false;
                    continue;
                }
                endLine(arrivalNanos);
            } else if (b == '\r') {
                lastWasCr = true;
                endLine(arrivalNanos);
            } else {
                lastWasCr = false;
                if (lineLength == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[lineLength++] = b;
            }
        }
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
                sink.onEvent(data.toString(), arrivalNanos);
                data.setLength(0);
                hasData = false;
            }
            return;
        }
        if (line[0] != ':' && startsWithData()) {
            int valueStart = 5;
            if (lineLength > 5 && line[5] == ' ') {
                valueStart = 6;
            }
            if (hasData) {
                data.append('\n');
            }
            data.append(new String(line, valueStart, lineLength - valueStart, StandardCharsets.UTF_8));
            hasData = true;
        }
        lineLength = 0;
    }

    private boolean startsWithData() {
        return lineLength >= 5 && line[0] == 'd' && line[1] == 'a' && line[2] == 't' && line[3] == 'a'
                && line[4] == ':';
    }
}
