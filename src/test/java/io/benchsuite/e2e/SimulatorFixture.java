package io.benchsuite.e2e;

import io.benchsuite.simulator.FaultPolicy;
import io.benchsuite.simulator.RunningSimulator;
import io.benchsuite.simulator.ServerTls;
import io.benchsuite.simulator.Simulator;
import io.benchsuite.simulator.SimulatorConfig;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One simulator on loopback (127.0.0.1, a free port) shared by all the tests of a class: started before the
 * first test, closed after the last. Register it as a static field:
 * {@code @RegisterExtension static final SimulatorFixture simulator = new SimulatorFixture(config);}.
 */
final class SimulatorFixture implements BeforeAllCallback, AfterAllCallback {

    private final SimulatorConfig config;
    private final Optional<ServerTls> tls;
    private RunningSimulator running;

    /** A simulator of {@code config} serving plain HTTP, without faults. */
    SimulatorFixture(SimulatorConfig config) {
        this(config, Optional.empty());
    }

    /** A simulator of {@code config} without faults, serving HTTPS with {@code tls} when present. */
    SimulatorFixture(SimulatorConfig config, Optional<ServerTls> tls) {
        this.config = config;
        this.tls = tls;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running = Simulator.start(config, "127.0.0.1", 0, FaultPolicy.NONE, tls);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        running.close();
    }

    /** The running simulator's base URL, {@code http://127.0.0.1:PORT} (https with TLS); only between the two. */
    String baseUrl() {
        return running.baseUrl();
    }
}
