package io.benchsuite.client;

import java.util.Arrays;

/**
 * Splits a Server-Sent Events byte stream into events, pure and incremental: feed it the bytes of each
 * network read with the time they arrived, and it calls back once per complete event with the arrival time
 * of the read that completed it. No JSON is parsed and no text is decoded here, so the timestamp is taken
 * before any decoding.
 *
 * <p>Events are handed over as byte ranges, valid only during the callback. When an event's one data line
 * and its closing blank line are in the same read (the case of nearly every LLM token), the range points
 * into the read's own bytes: nothing is copied or decoded per event before the JSON parser reads it.
 *
 * <p>Handles events split across reads, several events in one read, LF and CRLF line ends, comment lines
 * ({@code :}), multi-line {@code data:} fields (joined with a newline) and fields other than data, which
 * are ignored as LLM servers do not use them.
 */
public final class SseFrameParser {

    /** Receives each complete event's data field, UTF-8 bytes {@code [offset, offset + length)}. */
    @FunctionalInterface
    public interface EventSink {
        void onEvent(byte[] data, int offset, int length, long arrivalNanos);
    }

    private static final byte[] NEWLINE = {'\n'};

    private final EventSink sink;
    /** A line that began in an earlier read and is not finished yet. */
    private byte[] line = new byte[512];

    private int lineLength;
    /** The current event's data when it is held here (copied) rather than in the caller's read. */
    private byte[] data = new byte[512];

    private int dataLength;
    private boolean hasData;
    /** The current event's only data line, still in the bytes of the read being fed (not yet copied). */
    private byte[] inPlace;

    private int inPlaceOffset;
    private int inPlaceLength;
    private boolean lastWasCr;

    public SseFrameParser(EventSink sink) {
        this.sink = sink;
    }

    public void feed(byte[] bytes, long arrivalNanos) {
        feed(bytes, 0, bytes.length, arrivalNanos);
    }

    /** The bytes are read during this call only; nothing keeps a reference to them afterwards. */
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
            int lineEnd = i;
            while (lineEnd < end && bytes[lineEnd] != '\n' && bytes[lineEnd] != '\r') {
                lineEnd++;
            }
            if (lineEnd == end) {
                append(bytes, i, lineEnd - i); // the line goes on in the next read
                break;
            }
            if (lineLength == 0) {
                onLine(bytes, i, lineEnd - i, true, arrivalNanos);
            } else {
                append(bytes, i, lineEnd - i);
                int complete = lineLength;
                lineLength = 0; // the buffer's content stays as it is until the next append, after onLine
                onLine(line, 0, complete, false, arrivalNanos);
            }
            lastWasCr = bytes[lineEnd] == '\r';
            i = lineEnd + 1;
        }
        if (inPlace != null) { // the event goes on in the next read, which will bring other bytes
            keepData(inPlace, inPlaceOffset, inPlaceLength);
            inPlace = null;
        }
    }

    /** Whether bytes of an unfinished event are buffered (the stream ended mid-event if so). */
    public boolean hasPartialEvent() {
        return lineLength > 0 || hasData;
    }

    private void append(byte[] bytes, int from, int count) {
        if (lineLength + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + count));
        }
        System.arraycopy(bytes, from, line, lineLength, count);
        lineLength += count;
    }

    /**
     * @param stable whether {@code buffer} stays unchanged until this feed call returns (the caller's read),
     *               so a data line can be left where it is
     */
    private void onLine(byte[] buffer, int from, int length, boolean stable, long arrivalNanos) {
        if (length == 0) {
            if (hasData) {
                dispatch(arrivalNanos);
            }
            return;
        }
        if (buffer[from] == ':' || !startsWithData(buffer, from, length)) {
            return; // a comment, or a field an LLM server does not use
        }
        int valueStart = from + 5;
        if (length > 5 && buffer[valueStart] == ' ') {
            valueStart++;
        }
        int valueLength = from + length - valueStart;
        if (!hasData && stable) {
            inPlace = buffer;
            inPlaceOffset = valueStart;
            inPlaceLength = valueLength;
        } else {
            if (inPlace != null) {
                keepData(inPlace, inPlaceOffset, inPlaceLength);
                inPlace = null;
            }
            if (hasData) {
                keepData(NEWLINE, 0, 1); // multi-line data fields are joined with a newline
            }
            keepData(buffer, valueStart, valueLength);
        }
        hasData = true;
    }

    private void dispatch(long arrivalNanos) {
        byte[] eventBytes;
        int offset;
        int length;
        if (inPlace != null) {
            eventBytes = inPlace;
            offset = inPlaceOffset;
            length = inPlaceLength;
        } else {
            eventBytes = data;
            offset = 0;
            length = dataLength;
        }
        inPlace = null;
        dataLength = 0;
        hasData = false;
        sink.onEvent(eventBytes, offset, length, arrivalNanos);
    }

    private void keepData(byte[] bytes, int from, int count) {
        if (dataLength + count > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, dataLength + count));
        }
        System.arraycopy(bytes, from, data, dataLength, count);
        dataLength += count;
    }

    private static boolean startsWithData(byte[] b, int from, int length) {
        return length >= 5
                && b[from] == 'd'
                && b[from + 1] == 'a'
                && b[from + 2] == 't'
                && b[from + 3] == 'a'
                && b[from + 4] == ':';
    }
}
