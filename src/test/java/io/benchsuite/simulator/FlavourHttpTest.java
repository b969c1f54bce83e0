package io.benchsuite.simulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.prometheus.MetricsDialect;
import io.benchsuite.prometheus.PrometheusTextParser;
import io.benchsuite.prometheus.ServerGaugeMapper;
import io.benchsuite.prometheus.ServerGauges;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What each flavour serves on the routes that backend detection probes, and that its metrics page is read as
 * its server kind, over real HTTP.
 */
class FlavourHttpTest {

    private static RunningSimulator start(ServerFlavour flavour) {
        return Simulator.start(SimulatorConfig.fast().withFlavour(flavour), "127.0.0.1", 0);
    }

    private static String metrics(RunningSimulator simulator, String path) {
        return given().baseUri(simulator.baseUrl())
                .get(path)
                .then()
                .statusCode(200)
                .contentType(containsString("text/plain"))
                .extract()
                .asString();
    }

    @Test
    void vllmHasHappyVllmsRoutesVersionAndBothMetricsPaths() {
        try (RunningSimulator simulator = start(ServerFlavour.VLLM)) {
            given().baseUri(simulator.baseUrl())
                    .get("/version")
                    .then()
                    .statusCode(200)
                    .body("version", equalTo(InfoDocuments.VLLM_VERSION));
            given().baseUri(simulator.baseUrl()).get("/v1/info").then().statusCode(200);
            assertTrue(metrics(simulator, "/metrics/").contains("vllm:num_requests_running"));
        }
    }

    @Test
    void everyOtherFlavourAnswers404OnVllmsRoutesAndNamesItsOwner() {
        for (ServerFlavour flavour : ServerFlavour.values()) {
            if (flavour == ServerFlavour.VLLM) {
                continue;
            }
            try (RunningSimulator simulator = start(flavour)) {
                for (String path : new String[] {"/v1/info", "/v1/launch_arguments", "/version", "/metrics/"}) {
                    given().baseUri(simulator.baseUrl()).get(path).then().statusCode(404);
                }
                String owner = given().baseUri(simulator.baseUrl())
                        .get("/v1/models")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("data[0].owned_by");
                assertEquals(new FlavourRoutes(flavour).ownedBy(), owner, flavour.id());
            }
        }
    }

    @Test
    void eachFlavoursPageIsReadAsItsServerKind() {
        assertPage(ServerFlavour.VLLM, MetricsDialect.VLLM, true);
        assertPage(ServerFlavour.RAY_VLLM, MetricsDialect.RAY_VLLM, true);
        assertPage(ServerFlavour.SGLANG, MetricsDialect.SGLANG, true);
        assertPage(ServerFlavour.TGI, MetricsDialect.TGI, false);
        assertPage(ServerFlavour.LLAMACPP, MetricsDialect.LLAMACPP, false);
        assertPage(ServerFlavour.TRTLLM, MetricsDialect.TRTLLM, true);
    }

    private static void assertPage(ServerFlavour flavour, MetricsDialect dialect, boolean kv) {
        try (RunningSimulator simulator = start(flavour)) {
            String text = metrics(simulator, "/metrics");
            var page = PrometheusTextParser.parse(text);
            assertEquals(dialect, MetricsDialect.of(page).orElseThrow(), flavour.id());
            ServerGauges gauges =
                    new ServerGaugeMapper(Optional.of("sim-model")).read(page).gauges();
            assertEquals(0.0, gauges.runningRequests().orElseThrow(), flavour.id());
            assertEquals(0.0, gauges.waitingRequests().orElseThrow(), flavour.id());
            assertEquals(kv, gauges.kvCacheUsage().isPresent(), flavour.id());
            if (flavour != ServerFlavour.VLLM && flavour != ServerFlavour.RAY_VLLM) {
                given().baseUri(simulator.baseUrl()).get("/metrics").then().body(not(containsString("vllm:")));
            }
        }
    }
}
