package io.benchsuite.fidelity;

import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.Outcome;
import io.benchsuite.record.RequestRecord;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The floor the streaming client is compared with: the same streams read with nothing but {@code java.nio}
 * on one thread, no HTTP library, no JSON, no metrics polling. Whatever this reader's errors and CPU are on a
 * machine, no client that reads each token when it arrives can do better there; the distance between the two
 * rows of the fidelity table is the client's own cost.
 *
 * <p>It only works against the exact-schedule simulator, whose answers it knows: HTTP/1.1 chunked, one SSE
 * event per HTTP chunk, so an event ends with the bytes {@code \n\n\r\n} and the answer with the last chunk
 * {@code \n0\r\n\r\n}. It counts the first {@code tokens} events of each answer as its tokens (the usage chunk
 * and {@code [DONE]} follow them) and stamps each with {@link System#nanoTime()} right after the read.
 */
final class BareStreamReader {

    /** The last four bytes of an event followed by the end of its HTTP chunk. */
    private static final long EVENT_END = bytes("\n\n\r\n");

    private static final long EVENT_END_MASK = 0xFFFF_FFFFL;
    /** A newline, then the last chunk: {@code 0}, an empty line. */
    private static final long ANSWER_END = bytes("\n0\r\n\r\n");

    private static final long ANSWER_END_MASK = 0xFFFF_FFFF_FFFFL;

    private final InetSocketAddress address;
    private final byte[] request;
    private final int tokens;

    BareStreamReader(URI baseUrl, String path, byte[] body, int tokens) {
        this.address = new InetSocketAddress(baseUrl.getHost(), baseUrl.getPort());
        this.tokens = tokens;
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + baseUrl.getHost() + ":" + baseUrl.getPort()
                + "\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\nContent-Length: "
                + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        this.request = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
    }

    private static long bytes(String text) {
        long value = 0;
        for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }

    /** One connection: its answer in progress. */
    private final class Stream {
        final SocketChannel channel;
        long window;
        long startNanos;
        /** Reused from answer to answer: {@link #record} copies what it keeps. */
        final long[] arrivals = new long[tokens];

        int events;

        Stream(SocketChannel channel) {
            this.channel = channel;
        }

        void send() throws IOException {
            window = 0;
            events = 0;
            startNanos = System.nanoTime();
            ByteBuffer out = ByteBuffer.wrap(request);
            while (out.hasRemaining()) {
                channel.write(out); // a few hundred bytes into an empty socket buffer: written at once
            }
        }

        /** Scans one read; true when the answer ended in it. */
        boolean scan(byte[] bytes, int length, long arrivalNanos) {
            boolean ended = false;
            for (int i = 0; i < length; i++) {
                window = (window << 8) | (bytes[i] & 0xFF);
                if ((window & EVENT_END_MASK) == EVENT_END) {
                    if (events < tokens) {
                        arrivals[events] = arrivalNanos;
                    }
                    events++;
                } else if ((window & ANSWER_END_MASK) == ANSWER_END) {
                    ended = true;
                }
            }
            return ended;
        }

        RequestRecord record(long endNanos) {
            int counted = Math.min(events, tokens);
            int[] chunkTokens = new int[counted];
            Arrays.fill(chunkTokens, 1);
            boolean complete = counted == tokens;
            return RequestRecord.withoutServerDetails(
                    0,
                    "",
                    tokens,
                    startNanos,
                    startNanos,
                    endNanos,
                    Arrays.copyOf(arrivals, counted),
                    chunkTokens,
                    RequestRecord.NOT_REPORTED,
                    counted,
                    complete ? Outcome.SUCCESS : ErrorKind.STREAM_TRUNCATED.outcome(),
                    complete ? ErrorKind.NONE : ErrorKind.STREAM_TRUNCATED,
                    200,
                    complete ? "" : "the answer had " + events + " events, " + tokens + " tokens expected",
                    null);
        }
    }

    /** Sends {@code requests} answers over {@code streams} kept-alive connections, a new one as each ends. */
    List<RequestRecord> run(int streams, int requests) throws IOException {
        List<RequestRecord> records = new ArrayList<>(requests);
        List<SocketChannel> channels = new ArrayList<>(streams);
        byte[] bytes = new byte[64 * 1024];
        ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length);
        try (Selector selector = Selector.open()) {
            int sent = 0;
            for (int i = 0; i < Math.min(streams, requests); i++) {
                SocketChannel channel = SocketChannel.open(address);
                channels.add(channel);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(false);
                Stream stream = new Stream(channel);
                channel.register(selector, SelectionKey.OP_READ, stream);
                stream.send();
                sent++;
            }
            int open = channels.size();
            while (open > 0) {
                selector.select();
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Stream stream = (Stream) key.attachment();
                    buffer.clear();
                    int read = stream.channel.read(buffer);
                    long now = System.nanoTime();
                    if (read < 0) {
                        records.add(stream.record(now)); // the server closed the connection mid-answer
                        key.cancel();
                        open--;
                        continue;
                    }
                    buffer.flip();
                    buffer.get(bytes, 0, read);
                    if (stream.scan(bytes, read, now)) {
                        records.add(stream.record(now));
                        if (sent < requests) {
                            stream.send();
                            sent++;
                        } else {
                            key.cancel();
                            open--;
                        }
                    }
                }
            }
        } finally {
            for (SocketChannel channel : channels) {
                channel.close();
            }
        }
        return records;
    }
}
