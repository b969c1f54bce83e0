package io.benchsuite.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentNamesTest {

    @Test
    void anUnknownBenchNameIsAWarningNamingTheNearestSetting() {
        EnvironmentNames.Checked checked = EnvironmentNames.check(
                Map.of("BENCH_MAX_DURATON_SPEED_GENERATION", "60", "PATH", "/bin"), "environment variable");
        assertEquals(
                List.of("Unknown environment variable BENCH_MAX_DURATON_SPEED_GENERATION is ignored; did you "
                        + "mean BENCH_MAX_DURATION_SPEED_GENERATION?"),
                checked.warnings());
        assertEquals(Map.of("BENCH_MAX_DURATON_SPEED_GENERATION", "60", "PATH", "/bin"), checked.values());
        assertTrue(EnvironmentNames.check(Map.of("BENCH_QUIK", "true"), "environment variable")
                .warnings()
                .get(0)
                .endsWith("did you mean BENCH_QUICK?"));
    }

    @Test
    void aNameFarFromEverySettingGetsNoSuggestion() {
        String warning = EnvironmentNames.check(Map.of("BENCH_SIMULATE", "true"), "environment variable")
                .warnings()
                .get(0);
        assertTrue(warning.startsWith("Unknown environment variable BENCH_SIMULATE is ignored (no setting"), warning);
        assertTrue(!warning.contains("did you mean"), warning);
        assertTrue(EnvironmentNames.check(Map.of("BENCH_QUIKC", "true"), "environment variable")
                .warnings()
                .get(0)
                .endsWith("did you mean BENCH_QUICK?"));
    }

    @Test
    void everySettingHasAVariableIncludingTheFormerCommandLineOnlyOnes() {
        for (String name : List.of(
                "BENCH_QUICK",
                "BENCH_RESUME",
                "BENCH_METRICS_PORT",
                "BENCH_EXACT_INPUT_LENGTHS",
                "BENCH_SEED",
                "BENCH_DATASET_FOLDER")) {
            assertEquals(
                    List.of(),
                    EnvironmentNames.check(Map.of(name, "1"), "environment variable")
                            .warnings(),
                    name);
        }
        BenchSettings s = SettingsLoader.load(
                Map.of(),
                Map.of(
                        "BENCH_QUICK",
                        "true",
                        "BENCH_RESUME",
                        "true",
                        "BENCH_METRICS_PORT",
                        "9400",
                        "EXACT_INPUT_LENGTHS",
                        "true"),
                Path.of("absent.env"));
        assertTrue(s.quick());
        assertTrue(s.resume());
        assertEquals(9400, s.metricsPort().orElseThrow());
        assertTrue(s.exactInputLengths());
    }

    @Test
    void theLauncherOptionsAndKubernetesServiceLinksAreKnown() {
        Map<String, String> links = Map.of(
                "BENCH_SUITE_JAVA_OPTS", "-Xmx2g",
                "BENCH_SERVICE_HOST", "10.0.0.7",
                "BENCH_SERVICE_PORT", "8000",
                "BENCH_SERVICE_PORT_HTTP", "8000",
                "BENCH_PORT_8000_TCP", "tcp://10.0.0.7:8000",
                "BENCH_PORT_8000_TCP_PROTO", "tcp",
                "BENCH_PORT_8000_TCP_PORT", "8000",
                "BENCH_PORT_8000_TCP_ADDR", "10.0.0.7",
                "BENCH_SUITE_RESULTS_PORT", "tcp://10.0.0.8:80",
                "BENCH_SUITE_RESULTS_SERVICE_HOST", "10.0.0.8");
        assertEquals(
                List.of(), EnvironmentNames.check(links, "environment variable").warnings());
        assertEquals(
                List.of(),
                EnvironmentNames.check(Map.of("BENCH_SIMULATOR_API_KEY", "k"), "environment variable")
                        .warnings(),
                "the simulator's key (simulate --api-key) is known");
    }

    @Test
    void aServiceLinkOnASettingsNameIsExplainedAndIgnored() {
        EnvironmentNames.Checked checked = EnvironmentNames.check(
                Map.of("BENCH_PORT", "tcp://10.96.0.12:8000", "PORT", "9000"), "environment variable");
        assertFalse(checked.values().containsKey("BENCH_PORT"));
        assertEquals(1, checked.warnings().size());
        String warning = checked.warnings().get(0);
        assertTrue(
                warning.startsWith("environment variable BENCH_PORT='tcp://10.96.0.12:8000' is not a port: "
                        + "Kubernetes sets it in every pod for a Service named 'bench' (service links)"),
                warning);
        assertTrue(warning.contains("enableServiceLinks: false"), warning);

        // Instead of "Invalid port: 'tcp://...' is not an integer": the plain name (or the default) is used.
        BenchSettings s = SettingsLoader.load(
                Map.of(), Map.of("BENCH_PORT", "tcp://10.96.0.12:8000", "PORT", "9000"), Path.of("absent.env"));
        assertEquals(9000, s.port());
        assertEquals(
                8000,
                SettingsLoader.load(Map.of(), Map.of("BENCH_PORT", "tcp://10.96.0.12:8000"), Path.of("absent.env"))
                        .port());
    }

    @Test
    void distanceCountsSingleCharacterEdits() {
        assertEquals(0, EnvironmentNames.distance("ABC", "ABC"));
        assertEquals(1, EnvironmentNames.distance("ABC", "AC"));
        assertEquals(1, EnvironmentNames.distance("ABC", "ABD"));
        assertEquals(3, EnvironmentNames.distance("", "ABC"));
    }

    @Test
    void aDotEnvTypoOfAnUnprefixedNameIsAWarning() {
        EnvironmentNames.Checked checked = EnvironmentNames.checkDotEnv(
                Map.of("GPU_NAM", "H100", "MAX_DURATION_SPEED_GENERATON", "60", "HF_TOKEN", "x", "PORT", "8000"),
                "name in .env file .env");
        assertEquals(
                List.of(
                        "Unknown name in .env file .env GPU_NAM is ignored; did you mean GPU_NAME?",
                        "Unknown name in .env file .env MAX_DURATION_SPEED_GENERATON is ignored; did you mean"
                                + " MAX_DURATION_SPEED_GENERATION?"),
                checked.warnings(),
                "a name far from every setting (HF_TOKEN) stays silent: the file may serve other tools too");
    }

    @Test
    void theOriginalToolsDotEnvExampleHasNoUnknownName() throws Exception {
        Map<String, String> entries = DotEnvFile.read(
                        Path.of("src/test/resources/dotenv/original.env.example"), Map.of())
                .values();
        assertEquals(
                List.of(),
                EnvironmentNames.checkDotEnv(entries, "name in .env file x").warnings());
    }

    @Test
    void theProcessEnvironmentIsNotCheckedForUnprefixedNames() {
        assertEquals(
                List.of(),
                EnvironmentNames.check(Map.of("HOME", "/root", "GPU_NAM", "H100"), "environment variable")
                        .warnings());
    }
}
