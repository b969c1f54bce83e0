package io.benchsuite.simulator;

import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * The {@code exact} preset: no engine model at all. Token k (from 0) of a request is due exactly at
 * arrival + firstToken + k x interToken, whatever the load, so that a client's measured latencies can be
 * compared with a known truth. One thread keeps every pending token in a queue ordered by due time and
 * sleeps until the earliest; due times are absolute, so errors never accumulate along a stream.
 */
final class ExactScheduleDriver implements GenerationService {

    private static final Logger LOG = Logger.getLogger(ExactScheduleDriver.class);

    private final SimulatorConfig config;
    private final long firstTokenNanos;
    private final long interTokenNanos;
    private final EngineMetrics metrics = new EngineMetrics();
    private final PriorityQueue<Stream> due = new PriorityQueue<>((a, b) -> Long.compare(a.dueNanos, b.dueNanos));
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Thread thread;
    private volatile boolean closed;

    ExactScheduleDriver(SimulatorConfig config) {
        this.config = config;
        this.firstTokenNanos = Math.round(config.firstTokenMs() * 1e6);
        this.interTokenNanos = Math.round(config.interTokenMs() * 1e6);
        this.thread = new Thread(this::loop, "simulator-exact-schedule");
        thread.setDaemon(true);
        thread.start();
    }

    private static final class Stream {
        final TextGenerator generator;
        final TokenListener listener;
        final GenerationRequest request;
        final long arrivalNanos;
        long dueNanos;
        /** Set once, by the last token or by a cancel, whichever comes first. */
        final AtomicBoolean done = new AtomicBoolean();

        Stream(GenerationRequest request, TextGenerator generator, TokenListener listener, long arrivalNanos) {
            this.request = request;
            this.generator = generator;
            this.listener = listener;
            this.arrivalNanos = arrivalNanos;
        }
    }

    @Override
    public Runnable submit(GenerationRequest request, long arrivalNanos, TokenListener listener) {
        Stream stream =
                new Stream(request, new TextGenerator(request, config.meanOutputTokens()), listener, arrivalNanos);
        stream.dueNanos = arrivalNanos + firstTokenNanos;
        inFlight.incrementAndGet();
        publishGauges();
        boolean newHead;
        synchronized (due) {
            due.add(stream);
            newHead = due.peek() == stream;
        }
        if (newHead) {
            LockSupport.unpark(thread); // it may be sleeping until a later due time
        }
        return () -> {
            if (stream.done.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
                metrics.aborted();
                publishGauges();
            }
        };
    }

    private void loop() {
        try {
            while (!closed) {
                Stream next = takeDue();
                if (next != null && !next.done.get()) {
                    emit(next);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("simulator exact-schedule thread stopped", e);
        }
    }

    /** The earliest stream if it is due, else null after sleeping until it is (or until a new head). */
    private Stream takeDue() {
        long wait;
        synchronized (due) {
            Stream head = due.peek();
            if (head == null) {
                wait = Long.MAX_VALUE;
            } else {
                wait = head.dueNanos - System.nanoTime();
                if (wait <= 0) {
                    return due.poll();
                }
            }
        }
        if (wait == Long.MAX_VALUE) {
            LockSupport.park(this);
        } else {
            LockSupport.parkNanos(this, wait);
        }
        return null;
    }

    private void emit(Stream stream) {
        long at = stream.dueNanos;
        TokenDelta delta = stream.generator.next();
        if (delta.completionTokens() == 1) {
            metrics.firstToken(stream.request.promptTokens(), (at - stream.arrivalNanos) / 1e9);
        } else {
            metrics.nextToken(interTokenNanos / 1e9);
        }
        if (delta.finished()) {
            if (!stream.done.compareAndSet(false, true)) {
                return; // cancelled meanwhile
            }
            metrics.finished(delta.finishReason(), (at - stream.arrivalNanos) / 1e9);
            inFlight.decrementAndGet();
            publishGauges();
        } else {
            stream.dueNanos = stream.arrivalNanos + firstTokenNanos + delta.completionTokens() * interTokenNanos;
            synchronized (due) {
                due.add(stream);
            }
        }
        stream.listener.onToken(delta, at);
    }

    private void publishGauges() {
        // No queue and no KV limit: everything in flight is running and the cache never fills.
        metrics.gauges(Math.max(0, inFlight.get()), 0, 0.0, 0);
    }

    @Override
    public List<EngineMetrics.Snapshot> metrics() {
        return List.of(metrics.snapshot());
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
