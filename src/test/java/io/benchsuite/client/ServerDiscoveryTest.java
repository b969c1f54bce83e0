package io.benchsuite.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.config.Backend;
import io.benchsuite.config.UsageException;
import io.benchsuite.simulator.RunningSimulator;
import io.benchsuite.simulator.Simulator;
import io.benchsuite.simulator.SimulatorConfig;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Server discovery per backend, through the MicroProfile REST clients, against the simulator on loopback. */
@QuarkusTest
class ServerDiscoveryTest {

    private static RunningSimulator plain;
    private static RunningSimulator withArguments;

    @BeforeAll
    static void start() {
        plain = Simulator.start(SimulatorConfig.fast().withModelName("served-model"), "127.0.0.1", 0);
        withArguments = Simulator.start(SimulatorConfig.fast().withLaunchArguments(true), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        plain.close();
        withArguments.close();
    }

    private static ServerInfo discover(RunningSimulator sim, Backend backend, Optional<String> model) {
        return ServerDiscovery.discover(
                new ServerApi(URI.create(sim.baseUrl()), Optional.empty()),
                backend,
                model,
                "/v1/info",
                "/v1/launch_arguments",
                Optional.empty());
    }

    @Test
    void happyVllmGivesModelVersionsAndToleratesEmptyLaunchArguments() {
        ServerInfo info = discover(plain, Backend.HAPPY_VLLM, Optional.empty());
        assertEquals("served-model", info.model());
        assertTrue(info.happyVllmVersion().isPresent() && info.vllmVersion().isPresent());
        assertEquals(1024, info.maxModelLen().getAsInt());
        assertTrue(info.launchArguments().isEmpty(), "{} from a happy_vllm started without launch arguments");
    }

    @Test
    void happyVllmLaunchArgumentsAreRead() {
        ServerInfo info = discover(withArguments, Backend.HAPPY_VLLM, Optional.empty());
        assertTrue(
                info.launchArguments().containsKey("max_num_seqs"),
                info.launchArguments().toString());
    }

    @Test
    void vllmAndOpenAiReadTheModelList() {
        assertEquals(
                "served-model", discover(plain, Backend.VLLM, Optional.empty()).model());
        assertEquals(
                1024,
                discover(plain, Backend.VLLM, Optional.empty()).maxModelLen().getAsInt());
        assertEquals(
                "served-model",
                discover(plain, Backend.OPENAI, Optional.of("served-model")).model());
    }

    @Test
    void aModelTheServerDoesNotServeIsAUsageError() {
        UsageException happy =
                assertThrows(UsageException.class, () -> discover(plain, Backend.HAPPY_VLLM, Optional.of("other")));
        assertTrue(happy.getMessage().contains("served-model"), happy.getMessage());
        UsageException vllm =
                assertThrows(UsageException.class, () -> discover(plain, Backend.VLLM, Optional.of("other")));
        assertTrue(vllm.getMessage().contains("[served-model]"), vllm.getMessage());
    }

    @Test
    void anInfoDocumentAlreadyReadIsUsedAndNotFetchedAgain() {
        com.fasterxml.jackson.databind.node.ObjectNode known =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        known.put("model_name", "read-by-detection").put("version", "1.2.3");
        // The info path does not exist on the server: an answer can only come from the document given.
        ServerInfo info = ServerDiscovery.discover(
                new ServerApi(URI.create(plain.baseUrl()), Optional.empty()),
                Backend.HAPPY_VLLM,
                Optional.empty(),
                "/v1/no-such-info",
                "/v1/launch_arguments",
                Optional.of(known));
        assertEquals("read-by-detection", info.model());
        assertEquals(Optional.of("1.2.3"), info.happyVllmVersion());
    }

    @Test
    void aPlainVllmServerAskedAsHappyVllmSaysWhichSettingToChange() {
        UsageException e = assertThrows(
                UsageException.class,
                () -> ServerDiscovery.discover(
                        new ServerApi(URI.create(plain.baseUrl()), Optional.empty()),
                        Backend.HAPPY_VLLM,
                        Optional.empty(),
                        "/v1/no-such-info",
                        "/v1/launch_arguments",
                        Optional.empty()));
        assertTrue(e.getMessage().contains("--backend"), e.getMessage());
    }

    @Test
    void anUnreachableServerIsARuntimeFailureNamingTheUrl() {
        ServerUnavailableException e = assertThrows(
                ServerUnavailableException.class,
                () -> ServerDiscovery.discover(
                        new ServerApi(URI.create("http://127.0.0.1:1"), Optional.empty()),
                        Backend.VLLM,
                        Optional.empty(),
                        "/v1/info",
                        "/v1/launch_arguments",
                        Optional.empty()));
        assertTrue(e.getMessage().startsWith("cannot connect to http://127.0.0.1:1"), e.getMessage());
    }
}
