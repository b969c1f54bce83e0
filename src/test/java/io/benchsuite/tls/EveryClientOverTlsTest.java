package io.benchsuite.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.client.ClientOptions;
import io.benchsuite.client.RequestBodies;
import io.benchsuite.client.ServerApi;
import io.benchsuite.client.ServerUnavailableException;
import io.benchsuite.client.StreamingClient;
import io.benchsuite.config.Backend;
import io.benchsuite.prometheus.FetchResult;
import io.benchsuite.prometheus.HttpMetricsFetcher;
import io.benchsuite.prometheus.PollerSettings;
import io.benchsuite.record.CompletionRequest;
import io.benchsuite.record.Outcome;
import io.benchsuite.record.RequestRecord;
import io.benchsuite.simulator.FaultPolicy;
import io.benchsuite.simulator.RunningSimulator;
import io.benchsuite.simulator.Simulator;
import io.benchsuite.simulator.SimulatorConfig;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each of the three HTTP client libraries the benchmark uses (Vert.x client of its own for metrics, Quarkus REST client for
 * set-up calls, Vert.x client for streaming) against the simulator serving HTTPS on loopback, under each trust
 * policy: they must all accept and refuse the same servers, with the same explanation.
 */
@QuarkusTest
class EveryClientOverTlsTest {

    private static RunningSimulator server;
    private static RunningSimulator wrongHost;
    private static TlsTrust testCa;
    private static TlsTrust otherCa;

    @BeforeAll
    static void start() throws Exception {
        server = Simulator.start(
                SimulatorConfig.fast(), "127.0.0.1", 0, FaultPolicy.NONE, Optional.of(TestCertificates.SERVER));
        wrongHost = Simulator.start(
                SimulatorConfig.fast(), "127.0.0.1", 0, FaultPolicy.NONE, Optional.of(TestCertificates.WRONG_HOST));
        testCa = TlsTrust.withAddedAnchors(PemCertificates.parse(java.nio.file.Files.readString(TestCertificates.CA)));
        otherCa = TlsTrust.withAddedAnchors(
                PemCertificates.parse(java.nio.file.Files.readString(TestCertificates.OTHER_CA)));
    }

    @AfterAll
    static void stop() {
        server.close();
        wrongHost.close();
    }

    @Test
    void theSimulatorServesHttps() {
        assertTrue(server.baseUrl().startsWith("https://127.0.0.1:"), server.baseUrl());
    }

    @Test
    void anAddedCaIsTrustedByEveryClient() {
        for (Client client : Client.values()) {
            assertEquals("ok", client.call(server, testCa), client.name());
        }
    }

    @Test
    void theJdkDefaultAnchorsDoNotTrustAPrivateCa() {
        for (Client client : Client.values()) {
            assertUntrusted(client, client.call(server, TlsTrust.jdkDefault()));
        }
    }

    @Test
    void aCaThatDidNotSignTheCertificateIsNotTrusted() {
        for (Client client : Client.values()) {
            assertUntrusted(client, client.call(server, otherCa));
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefused() {
        for (Client client : Client.values()) {
            String outcome = client.call(wrongHost, testCa);
            assertTrue(outcome.contains("does not match its host name"), client + ": " + outcome);
        }
    }

    @Test
    void insecureSkipsBothTheChainAndTheHostNameChecks() {
        for (Client client : Client.values()) {
            assertEquals("ok", client.call(server, TlsTrust.insecure()), client.name());
            assertEquals("ok", client.call(wrongHost, TlsTrust.insecure()), client.name());
        }
    }

    private static void assertUntrusted(Client client, String outcome) {
        assertTrue(
                outcome.contains("certificate is not trusted")
                        && outcome.contains("--ca-cert FILE")
                        && outcome.contains("--insecure"),
                client + ": " + outcome);
    }

    /** One call through one client library: "ok", or the message the user would see. */
    private enum Client {
        METRICS {
            @Override
            String call(RunningSimulator sim, TlsTrust trust) {
                // A scrape timeout far above the default 5 s: what is checked is the trust policy, and the first TLS
                // connection of the fetcher's own Vert.x instance builds its SSL context, which takes seconds on a
                // loaded machine (the default timeout then answered "no complete answer" instead of the TLS error).
                PollerSettings settings = PollerSettings.of(
                                sim.baseUrl(), "/metrics", 1, Optional.empty(), Optional.empty())
                        .withTls(trust)
                        .withScrapeTimeout(Duration.ofSeconds(60));
                try (HttpMetricsFetcher fetcher = new HttpMetricsFetcher(settings)) {
                    FetchResult result = fetcher.fetch();
                    return result instanceof FetchResult.Failed failed
                            ? failed.failure().reason()
                            : "ok";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        },
        SETUP_REST {
            @Override
            String call(RunningSimulator sim, TlsTrust trust) {
                try {
                    return new ServerApi(URI.create(sim.baseUrl()), Optional.empty(), trust)
                                    .get("/v1/models")
                                    .ok()
                            ? "ok"
                            : "not ok";
                } catch (ServerUnavailableException e) {
                    return e.getMessage();
                }
            }
        },
        STREAMING_VERTX {
            @Override
            String call(RunningSimulator sim, TlsTrust trust) {
                try (StreamingClient client = StreamingClient.standalone(new ClientOptions(
                        URI.create(sim.baseUrl()),
                        "/v1/completions",
                        Optional.empty(),
                        1,
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(5),
                        false,
                        trust))) {
                    RequestRecord record = client.send(
                                    new CompletionRequest(0, "hello", 2, System.nanoTime()),
                                    RequestBodies.completion(
                                            Backend.VLLM, sim.config().modelName(), "hello", 2))
                            .join();
                    return record.outcome() == Outcome.SUCCESS ? "ok" : record.errorMessage();
                }
            }
        };

        abstract String call(RunningSimulator sim, TlsTrust trust);
    }
}
