package io.benchsuite.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N independent engines behind one API server, as vLLM's {@code --data-parallel-size}: each has its own
 * batch, KV cache and metrics; requests are spread round-robin.
 */
final class DataParallelEngines implements GenerationService {

    private final List<GenerationService> engines;
    private final AtomicInteger next = new AtomicInteger();

    DataParallelEngines(List<GenerationService> engines) {
        this.engines = List.copyOf(engines);
    }

    /** The engines a configuration asks for, started. */
    static GenerationService create(SimulatorConfig config) {
        if (config.exactSchedule()) {
            return new ExactScheduleDriver(config);
        }
        List<GenerationService> engines = new ArrayList<>();
        for (int i = 0; i < config.dataParallel(); i++) {
            engines.add(new EngineDriver(config, i, EngineClock.SYSTEM).start());
        }
        return engines.size() == 1 ? engines.get(0) : new DataParallelEngines(engines);
    }

    @Override
    public Runnable submit(GenerationRequest request, long arrivalNanos, TokenListener listener) {
        int engine = Math.floorMod(next.getAndIncrement(), engines.size());
        return engines.get(engine).submit(request, arrivalNanos, listener);
    }

    @Override
    public List<EngineMetrics.Snapshot> metrics() {
        List<EngineMetrics.Snapshot> all = new ArrayList<>();
        engines.forEach(engine -> all.addAll(engine.metrics()));
        return all;
    }

    @Override
    public void close() {
        engines.forEach(GenerationService::close);
    }
}
