package io.benchsuite.simulator;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.jboss.logging.Logger;

/**
 * Runs one {@link EngineCore} in real time on its own thread: apply submissions and aborts, compute a step,
 * wait until the step is over, hand every token to its listener, repeat; block while there is no work.
 * Everything that touches the core happens on that thread, so the core needs no locks.
 */
final class EngineDriver implements GenerationService {

    private static final Logger LOG = Logger.getLogger(EngineDriver.class);
    /**
     * When the thread falls behind the modelled timeline by more than this (it was descheduled, or the engine
     * was idle), the next step starts from now instead of catching up with a burst of short steps.
     */
    private static final long MAX_CATCH_UP_NANOS = 2_000_000;

    private final SimulatorConfig config;
    private final EngineCore core;
    private final EngineMetrics metrics = new EngineMetrics();
    private final EngineClock clock;
    private final LinkedBlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    private long nextStepStart;

    EngineDriver(SimulatorConfig config, int engineIndex, EngineClock clock) {
        this.config = config;
        this.core = new EngineCore(config);
        this.clock = clock;
        this.thread = new Thread(this::loop, "simulator-engine-" + engineIndex);
        thread.setDaemon(true);
    }

    /** Starts the engine thread; tests that drive {@link #runOnce()} themselves do not call it. */
    EngineDriver start() {
        thread.start();
        return this;
    }

    @Override
    public Runnable submit(GenerationRequest request, long arrivalNanos, TokenListener listener) {
        Sequence sequence =
                new Sequence(request, new TextGenerator(request, config.meanOutputTokens()), listener, arrivalNanos);
        commands.add(() -> core.enqueue(sequence));
        return () -> commands.add(() -> {
            if (core.abort(sequence)) {
                metrics.aborted();
            }
        });
    }

    @Override
    public List<EngineMetrics.Snapshot> metrics() {
        return List.of(metrics.snapshot());
    }

    private void loop() {
        try {
            while (!closed) {
                if (!runOnce()) {
                    commands.take().run(); // idle: sleep until a request comes
                    publishGauges();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("simulator engine stopped", e);
        }
    }

    /**
     * One engine iteration: applies pending commands, and if there is work, runs one step in (real or fake)
     * time and delivers its tokens.
     *
     * @return false when the engine had nothing to do
     */
    boolean runOnce() throws InterruptedException {
        drainCommands();
        if (core.idle()) {
            return false;
        }
        long now = clock.nanoTime();
        long start = now - nextStepStart > MAX_CATCH_UP_NANOS ? now : nextStepStart;
        StepResult step = core.step();
        long end = start + step.durationNanos();
        publishGauges(); // admissions and preemptions are visible while the step runs
        clock.sleepUntil(end);
        nextStepStart = end;
        deliver(step, end);
        publishGauges();
        return true;
    }

    private void drainCommands() {
        boolean any = false;
        for (Runnable command = commands.poll(); command != null; command = commands.poll()) {
            command.run();
            any = true;
        }
        if (any) {
            publishGauges();
        }
    }

    private void deliver(StepResult step, long atNanos) {
        for (StepResult.Emission emission : step.emissions()) {
            Sequence sequence = emission.sequence();
            TokenDelta delta = emission.delta();
            if (delta.completionTokens() == 1) {
                metrics.firstToken(sequence.request.promptTokens(), seconds(atNanos - sequence.arrivalNanos));
            } else {
                metrics.nextToken(seconds(atNanos - sequence.lastTokenNanos));
            }
            sequence.lastTokenNanos = atNanos;
            if (delta.finished()) {
                metrics.finished(delta.finishReason(), seconds(atNanos - sequence.arrivalNanos));
            }
            sequence.listener.onToken(delta, atNanos);
        }
    }

    private void publishGauges() {
        metrics.gauges(core.runningCount(), core.waitingCount(), core.kvUsage(), core.preemptionsTotal());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
