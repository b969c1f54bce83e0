package io.benchsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Where {@code simulate}'s API key comes from: the option, else BENCH_SIMULATOR_API_KEY, else none. */
class SimulateApiKeyOptionTest {

    private static Optional<String> key(Map<String, String> environment, String... args) {
        SimulateCommand command = new SimulateCommand();
        command.environment = environment;
        new CommandLine(command).parseArgs(args);
        return command.config().apiKey();
    }

    @Test
    void theOptionWinsOverTheVariable() {
        assertEquals(
                Optional.of("from-option"),
                key(Map.of("BENCH_SIMULATOR_API_KEY", "from-env"), "--preset", "fast", "--api-key", "from-option"));
    }

    @Test
    void theVariableAloneSetsIt() {
        assertEquals(
                Optional.of("from-env"), key(Map.of("BENCH_SIMULATOR_API_KEY", " from-env\n"), "--preset", "fast"));
    }

    @Test
    void noKeyByDefaultAndTheClientsVariableIsNotRead() {
        assertEquals(Optional.empty(), key(Map.of("BENCH_API_KEY", "client-key", "API_KEY", "k"), "--preset", "fast"));
        assertEquals(Optional.empty(), key(Map.of("BENCH_SIMULATOR_API_KEY", ""), "--preset", "fast"));
    }
}
