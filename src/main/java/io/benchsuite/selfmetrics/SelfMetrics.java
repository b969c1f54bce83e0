package io.benchsuite.selfmetrics;

import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Opens the self-metrics of a command run ({@code --metrics-port}). The meters go to the application's
 * Prometheus registry when Quarkus provides one (so its JVM metrics come along), else to a registry of
 * this bean's own.
 */
@ApplicationScoped
public class SelfMetrics {

    private static final Logger LOG = Logger.getLogger(SelfMetrics.class);
    /** Every interface: in a pod, Prometheus scrapes the pod's address, not loopback. */
    static final String ALL_INTERFACES = "0.0.0.0";

    @Inject
    Vertx vertx;

    @Inject
    Instance<PrometheusMeterRegistry> applicationRegistry;

    private PrometheusMeterRegistry ownRegistry;

    /** @param port the {@code --metrics-port} value; null (not given) means no self-metrics */
    public SelfMetricsSession open(Integer port) {
        if (port == null) {
            return SelfMetricsSession.OFF;
        }
        PrometheusMeterRegistry registry = registry();
        SuiteMeters meters = new SuiteMeters(registry);
        MetricsHttpServer server;
        try {
            server = MetricsHttpServer.start(vertx, ALL_INTERFACES, port, registry::scrape);
        } catch (RuntimeException e) {
            meters.close();
            throw e;
        }
        LOG.infof("Self-metrics on http://%s:%d%s", ALL_INTERFACES, server.port(), MetricsHttpServer.PATH);
        return new LiveSelfMetrics(meters, server);
    }

    private synchronized PrometheusMeterRegistry registry() {
        if (applicationRegistry.isResolvable()) {
            return applicationRegistry.get();
        }
        if (ownRegistry == null) {
            ownRegistry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        }
        return ownRegistry;
    }
}
