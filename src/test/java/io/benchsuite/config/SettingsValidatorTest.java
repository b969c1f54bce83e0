package io.benchsuite.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsValidatorTest {

    private static BenchSettings load(Map<String, String> cli) {
        return SettingsLoader.load(cli, Map.of(), Path.of("does-not-exist.env"));
    }

    @Test
    void baseUrlIsBuiltFromHostAndPortWhenEmpty() {
        assertEquals(
                "http://10.1.2.3:5000",
                SettingsValidator.baseUrl(load(Map.of("host", "10.1.2.3", "port", "5000")))
                        .toString());
        assertEquals(
                "http://10.1.2.3:5000",
                SettingsValidator.baseUrl(load(Map.of("base-url", "", "host", "10.1.2.3", "port", "5000")))
                        .toString(),
                "an empty base-url (the original tool's default) must not hide host and port");
    }

    @Test
    void givenBaseUrlWinsAndLosesItsTrailingSlash() {
        assertEquals(
                "https://llm.example:8443/api",
                SettingsValidator.baseUrl(load(Map.of("base-url", "https://llm.example:8443/api/", "port", "1")))
                        .toString());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "base-url|not a url|base-url",
                "base-url|ftp://host:21|base-url",
                "base-url|localhost:8000|base-url",
                "port|0|port",
                "port|70000|port",
                "max-duration-speed-generation|0|max-duration-speed-generation",
                "max-duration-prompt-ingestion|-5|max-duration-prompt-ingestion",
                "max-queries|0|max-queries",
                "target-queries-nb-speed-generation|-1|target-queries-nb-speed-generation",
                "step-live-metrics|0|step-live-metrics",
                "backend|no-such-server|backend",
                "api|soap|api",
                "completions-endpoint|v1/completions|completions-endpoint",
                "speed-threshold|-1|speed-threshold",
                "max-consecutive-failures|-1|max-consecutive-failures",
            })
    void badValuesAreOneLineNamingTheSetting(String name, String value, String named) {
        UsageException e =
                assertThrows(UsageException.class, () -> SettingsValidator.validate(load(Map.of(name, value))));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains(named), e.getMessage());
        assertTrue(e.getMessage().contains("set --" + named), "names the fix: " + e.getMessage());
    }

    @Test
    void theCompletionsPathFollowsTheApiUnlessGiven() {
        assertEquals("/v1/completions", Api.completionsPath(load(Map.of())));
        assertEquals("/v1/chat/completions", Api.completionsPath(load(Map.of("api", "chat"))));
        assertEquals(Api.CHAT, Api.of(load(Map.of("backend", "mistral"))), "mistral speaks chat");
        assertEquals("/v1/chat/completions", Api.completionsPath(load(Map.of("backend", "mistral"))));
        assertEquals(
                "/chat",
                Api.completionsPath(load(Map.of("api", "chat", "completions-endpoint", "/chat"))),
                "an explicit endpoint wins");
        UsageException e = assertThrows(
                UsageException.class,
                () -> SettingsValidator.validate(load(Map.of("backend", "mistral", "api", "completions"))));
        assertTrue(e.getMessage().contains("--api"), e.getMessage());
    }

    @Test
    void minDurationAboveMaxDurationIsRejected() {
        UsageException e = assertThrows(
                UsageException.class,
                () -> SettingsValidator.validate(
                        load(Map.of("min-duration-speed-generation", "120", "max-duration-speed-generation", "60"))));
        assertTrue(e.getMessage().contains("min-duration-speed-generation"), e.getMessage());
    }

    @Test
    void aCaCertTogetherWithInsecureIsRejectedNamingBoth() {
        UsageException e = assertThrows(
                UsageException.class,
                () -> SettingsValidator.validate(load(Map.of("ca-cert", "ca.pem", "insecure", "true"))));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(
                e.getMessage().contains("--insecure, BENCH_INSECURE")
                        && e.getMessage().contains("--ca-cert, BENCH_CA_CERT"),
                e.getMessage());
        SettingsValidator.validate(load(Map.of("ca-cert", "ca.pem", "insecure", "false")));
    }

    @Test
    void defaultsAreValid() {
        SettingsValidator.validate(load(Map.of()));
    }

    @Test
    void missingDatasetFolderNamesTheSetting() {
        UsageException e = assertThrows(
                UsageException.class,
                () -> SettingsValidator.datasetFolder(load(Map.of("dataset-folder", "/no/such/folder"))));
        assertTrue(e.getMessage().contains("--dataset-folder"), e.getMessage());
        assertTrue(e.getMessage().endsWith("or unset it to use the datasets built into the tool"), e.getMessage());
    }

    @Test
    void noDatasetFolderMeansTheBuiltInDatasets() {
        assertTrue(SettingsValidator.datasetFolder(load(Map.of())).isEmpty());
        assertTrue(SettingsValidator.datasetFolder(load(Map.of("dataset-folder", " ")))
                .isEmpty());
    }
}
