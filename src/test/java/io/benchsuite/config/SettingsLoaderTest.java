package io.benchsuite.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

    @TempDir
    Path dir;

    private Path dotEnv(String content) throws IOException {
        Path file = dir.resolve(".env");
        Files.writeString(file, content);
        return file;
    }

    private Path noDotEnv() {
        return dir.resolve("absent.env");
    }

    @Test
    void defaultsApplyWhenNothingIsGiven() {
        BenchSettings s = SettingsLoader.load(Map.of(), Map.of(), noDotEnv());
        assertEquals(8000, s.port());
        assertEquals("localhost", s.host());
        assertEquals("auto", s.backend());
        assertEquals(java.util.Optional.empty(), s.metricsEndpoint());
        assertEquals(900.0, s.maxDurationSpeedGeneration());
        assertEquals(100, s.targetQueriesNbSpeedGeneration());
        assertFalse(s.model().isPresent());
    }

    @Test
    void precedenceIsCommandLineThenEnvironmentThenDotEnvThenDefault() throws IOException {
        Path env = dotEnv("PORT=1111\nHOST=dotenv-host\nMODEL=dotenv-model\nGPU_NAME=dotenv-gpu\n");
        Map<String, String> environment = Map.of("PORT", "2222", "HOST", "env-host");
        Map<String, String> cli = Map.of("port", "3333");

        BenchSettings s = SettingsLoader.load(cli, environment, env);

        assertEquals(3333, s.port(), "command line beats environment");
        assertEquals("env-host", s.host(), "environment beats .env");
        assertEquals("dotenv-model", s.model().orElseThrow(), ".env beats default");
        assertEquals("dotenv-gpu", s.gpuName().orElseThrow());
        assertEquals("/v1/completions", Api.completionsPath(s), "default when nothing is given");
    }

    @Test
    void prefixedFormWinsOverUnprefixedInTheSameSource() throws IOException {
        Path env = dotEnv("BENCH_MAX_QUERIES=7\nMAX_QUERIES=8\n");
        BenchSettings fromDotEnv = SettingsLoader.load(Map.of(), Map.of(), env);
        assertEquals(7, fromDotEnv.maxQueries());

        BenchSettings fromEnv = SettingsLoader.load(
                Map.of(), Map.of("BENCH_BASE_URL", "http://prefixed:1", "BASE_URL", "http://plain:2"), noDotEnv());
        assertEquals("http://prefixed:1", fromEnv.baseUrl().orElseThrow());
    }

    @Test
    void certificateSettingsAnswerOnlyToTheirBenchNames() throws IOException {
        // INSECURE or CA_CERT set for another program, in the environment or a .env, must change nothing.
        BenchSettings stray = SettingsLoader.load(
                Map.of(),
                Map.of("INSECURE", "true", "CA_CERT", "/tmp/x.pem"),
                dotEnv("INSECURE=true\nCA_CERT=/tmp/y.pem\n"));
        assertFalse(stray.insecure());
        assertTrue(stray.caCert().isEmpty());

        BenchSettings meant = SettingsLoader.load(
                Map.of(), Map.of("BENCH_INSECURE", "true", "BENCH_CA_CERT", "/tmp/x.pem"), noDotEnv());
        assertTrue(meant.insecure());
        assertEquals("/tmp/x.pem", meant.caCert().orElseThrow());
    }

    @Test
    void anUnprefixedEnvironmentVariableStillBeatsAPrefixedDotEnvEntry() throws IOException {
        Path env = dotEnv("BENCH_PORT=1111\n");
        BenchSettings s = SettingsLoader.load(Map.of(), Map.of("PORT", "2222"), env);
        assertEquals(2222, s.port());
    }

    @Test
    void originalToolVariableNamesAreAccepted() {
        Map<String, String> environment = Map.of(
                "MAX_DURATION_SPEED_GENERATION", "6000",
                "MIN_DURATION_SPEED_GENERATION", "300",
                "TARGET_QUERIES_NB_SPEED_GENERATION", "60",
                "LAUNCH_ARGUMENTS_ENDPOINT", "/custom/args",
                "STEP_LIVE_METRICS", "0.01");
        BenchSettings s = SettingsLoader.load(Map.of(), environment, noDotEnv());
        assertEquals(6000.0, s.maxDurationSpeedGeneration());
        assertEquals(300.0, s.minDurationSpeedGeneration());
        assertEquals(60, s.targetQueriesNbSpeedGeneration());
        assertEquals("/custom/args", s.launchArgumentsEndpoint());
        assertEquals(0.01, s.stepLiveMetrics());
    }

    @Test
    void unrelatedEnvironmentVariablesAreIgnored() {
        BenchSettings s = SettingsLoader.load(Map.of(), Map.of("PATH", "/usr/bin", "BENCH_UNKNOWN", "x"), noDotEnv());
        assertEquals(8000, s.port());
    }

    @Test
    void aValueOfTheWrongTypeIsOneLineNamingSettingSourceAndFix() {
        UsageException e = assertThrows(
                UsageException.class, () -> SettingsLoader.load(Map.of(), Map.of("PORT", "eighty"), noDotEnv()));
        assertEquals(1, e.getMessage().lines().count());
        assertTrue(e.getMessage().contains("port"), e.getMessage());
        assertTrue(e.getMessage().contains("'eighty'"), e.getMessage());
        assertTrue(e.getMessage().contains("environment"), e.getMessage());
        assertTrue(e.getMessage().contains("--port, BENCH_PORT or PORT"), e.getMessage());
    }

    @Test
    void aPresetReplacesDefaultsButYieldsToEverythingTheUserSet() throws IOException {
        Path env = dotEnv("MAX_QUERIES=7\n");
        Map<String, String> preset = Map.of("max-queries", "50", "port", "9", "host", "preset-host", "seed", "5");
        BenchSettings s = SettingsLoader.load(Map.of("seed", "6"), Map.of("PORT", "2222"), env, preset);
        assertEquals("preset-host", s.host(), "preset beats the default");
        assertEquals(7, s.maxQueries(), ".env beats the preset");
        assertEquals(2222, s.port(), "environment beats the preset");
        assertEquals(6, s.seed(), "command line beats the preset");
    }

    @Test
    void theOriginalToolsDotEnvGivesUnquotedValues() {
        // HOST="localhost" used to give http://"localhost":8000; comments and export lines count too.
        BenchSettings s =
                SettingsLoader.load(Map.of(), Map.of(), Path.of("src/test/resources/dotenv/original.env.example"));
        assertEquals("localhost", s.host());
        assertEquals("happy_vllm", s.backend());
        assertEquals("A100-80g", s.gpuName().orElseThrow());
        assertEquals("http://localhost:8000", SettingsValidator.baseUrl(s).toString());
        assertEquals(6000.0, s.maxDurationSpeedGeneration());
    }

    @Test
    void dotEnvQuotesExportsCommentsAndExpansionReachTheSettings() throws IOException {
        Path env = dotEnv("export HOST='my-host' # the server\nPORT = 9001 # its port\nMODEL=\"${NAME}-7b\"\n"
                + "GPU_NAME=${UNSET:-H100}\n");
        BenchSettings s = SettingsLoader.load(Map.of(), Map.of("NAME", "llama"), env);
        assertEquals("my-host", s.host());
        assertEquals(9001, s.port());
        assertEquals("llama-7b", s.model().orElseThrow());
        assertEquals("H100", s.gpuName().orElseThrow());
    }
}
