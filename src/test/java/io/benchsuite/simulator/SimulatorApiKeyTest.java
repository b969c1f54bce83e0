package io.benchsuite.simulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A simulator started with an API key ({@code simulate --api-key}), over real HTTP on loopback. */
class SimulatorApiKeyTest {

    private static final String KEY = "sk-sim-Qw3rty-test-only";
    private static RunningSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = Simulator.start(SimulatorConfig.fast().withApiKey(KEY), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static RequestSpecification api() {
        return given().baseUri(simulator.baseUrl());
    }

    private static String completion() {
        return "{\"model\":\"sim-model\",\"prompt\":\"hello there\",\"max_tokens\":2}";
    }

    @Test
    void aRequestWithoutTheKeyIsRefusedWithOpenAisErrorShape() {
        api().get("/v1/models")
                .then()
                .statusCode(401)
                .contentType(ContentType.JSON)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("invalid_api_key"))
                .body("error.param", nullValue())
                .body("error.message", startsWith("You didn't provide an API key"));
        api().contentType(ContentType.JSON)
                .body(completion())
                .post("/v1/completions")
                .then()
                .statusCode(401);
    }

    @Test
    void aWrongKeyIsRefusedOnEveryApiRouteAndNotEchoed() {
        for (String path : new String[] {"/v1/completions", "/v1/chat/completions", "/tokenize"}) {
            api().header("Authorization", "Bearer wrong-key")
                    .contentType(ContentType.JSON)
                    .body(completion())
                    .post(path)
                    .then()
                    .statusCode(401)
                    .body("error.message", equalTo("Incorrect API key provided."))
                    .body(not(org.hamcrest.Matchers.containsString("wrong-key")));
        }
        for (String path : new String[] {"/v1/models", "/v1/info", "/v1/launch_arguments"}) {
            api().header("Authorization", "Bearer wrong-key").get(path).then().statusCode(401);
        }
        // The key alone, without the scheme, is not the header a client sends.
        api().header("Authorization", KEY).get("/v1/models").then().statusCode(401);
    }

    @Test
    void theRightKeyIsServed() {
        api().header("Authorization", "Bearer " + KEY)
                .get("/v1/models")
                .then()
                .statusCode(200)
                .body("data[0].id", equalTo("sim-model"));
        api().header("Authorization", "Bearer " + KEY)
                .contentType(ContentType.JSON)
                .body(completion())
                .post("/v1/completions")
                .then()
                .statusCode(200)
                .body("usage.completion_tokens", equalTo(2));
    }

    @Test
    void metricsAndHealthStayOpen() {
        api().get("/metrics").then().statusCode(200);
        api().get("/health").then().statusCode(200);
        api().get("/version").then().statusCode(200);
    }

    @Test
    void anEmptyKeyIsRefusedByTheConfiguration() {
        assertThrows(
                IllegalArgumentException.class, () -> SimulatorConfig.fast().withApiKey(" "));
    }
}
