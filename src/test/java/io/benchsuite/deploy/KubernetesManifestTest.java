package io.benchsuite.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Job manifest configures the suite through environment variables only: a misspelt name would be
 * ignored and the run would silently use a default, so every name is checked against the settings.
 */
class KubernetesManifestTest {

    private static final Path JOB = Path.of("src/main/kubernetes/bench-suite-job.yaml");
    private static final Path READER = Path.of("src/main/kubernetes/results-reader.yaml");
    /** Keys left commented out in the ConfigMap as suggestions: they are checked too. */
    private static final Pattern COMMENTED_KEY = Pattern.compile("(?m)^\\s*#\\s*([A-Z][A-Z0-9_]*):");

    private static String jobText;
    private static Map<String, Map<String, Object>> byKind;

    @BeforeAll
    static void load() throws IOException {
        jobText = Files.readString(JOB);
        byKind = documents(jobText).stream().collect(Collectors.toMap(d -> (String) d.get("kind"), d -> d));
    }

    private static final Path SECRET_EXAMPLE = Path.of("src/main/kubernetes/bench-suite-api-key.example.yaml");

    @Test
    void holdsTheSettingsTheVolumeAndTheJobButNotTheKey() {
        // Applying the Job file again must not replace a key made with kubectl create secret.
        assertEquals(Set.of("ConfigMap", "PersistentVolumeClaim", "Job"), byKind.keySet());
        assertFalse(jobText.contains("REPLACE-WITH"), "no placeholder key in the Job file");
    }

    @Test
    void serviceLinksAreOffSoNoServiceSetsABenchVariable() {
        assertEquals(Boolean.FALSE, podSpec().get("enableServiceLinks"));
    }

    @Test
    void argumentsForASmokeTestAndAResumeAreOffered() {
        assertTrue(jobText.contains("# args: [\"--quick\"]"), "a quick smoke test");
        assertTrue(jobText.contains("# args: [\"--resume\"]"), "a resume");
        assertTrue(jobText.contains("kubectl delete job bench-suite"), "how a second run gets its name");
    }

    @Test
    void everyConfigMapKeyIsASetting() {
        Map<String, Object> data = map(byKind.get("ConfigMap").get("data"));
        assertFalse(data.isEmpty());
        for (String name : data.keySet()) {
            assertTrue(SettingEnvNames.isSetting(name), "ConfigMap key " + name + " is not a setting");
        }
        Matcher commented = COMMENTED_KEY.matcher(jobText);
        int suggestions = 0;
        while (commented.find()) {
            String name = commented.group(1);
            if (name.startsWith("BENCH_")) {
                assertTrue(SettingEnvNames.isSetting(name), "commented key " + name + " is not a setting");
                suggestions++;
            }
        }
        assertTrue(suggestions > 0, "the commented-out suggestions are found");
    }

    @Test
    void theJobTargetsTheInClusterVllmService() {
        Map<String, Object> data = map(byKind.get("ConfigMap").get("data"));
        assertEquals("vllm", data.get("BENCH_BACKEND"));
        assertEquals("http://vllm.default.svc.cluster.local:8000", data.get("BENCH_BASE_URL"));
    }

    @Test
    void everyJobEnvNameIsASettingAndTheConfigMapIsTheOneDefined() {
        Map<String, Object> container = container();
        for (Map<String, Object> variable : listOfMaps(container.get("env"))) {
            String name = (String) variable.get("name");
            assertTrue(SettingEnvNames.isSetting(name), "Job env " + name + " is not a setting");
        }
        List<Map<String, Object>> envFrom = listOfMaps(container.get("envFrom"));
        assertEquals(1, envFrom.size());
        assertEquals(
                name(byKind.get("ConfigMap")),
                map(envFrom.get(0).get("configMapRef")).get("name"));
    }

    @Test
    void theExampleSecretFeedsTheApiKey() throws IOException {
        Map<String, Object> apiKey = listOfMaps(container().get("env")).stream()
                .filter(v -> "BENCH_API_KEY".equals(v.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the Job sets BENCH_API_KEY"));
        Map<String, Object> ref = map(map(apiKey.get("valueFrom")).get("secretKeyRef"));
        String exampleText = Files.readString(SECRET_EXAMPLE);
        List<Map<String, Object>> example = documents(exampleText);
        assertEquals(1, example.size());
        Map<String, Object> secret = example.get(0);
        assertEquals("Secret", secret.get("kind"));
        assertEquals(name(secret), ref.get("name"));
        assertTrue(
                map(secret.get("stringData")).containsKey((String) ref.get("key")),
                "the Secret has the key " + ref.get("key"));
        assertTrue(exampleText.contains("PLACEHOLDER"), "the placeholder key is marked as such");
        assertEquals(Boolean.TRUE, ref.get("optional"), "a server without a key needs no Secret");
    }

    @Test
    void theClaimIsMountedWhereTheOutputFolderPoints() {
        String outputFolder = (String) map(byKind.get("ConfigMap").get("data")).get("BENCH_OUTPUT_FOLDER");
        String volume = volumeOfClaim(podSpec(), name(byKind.get("PersistentVolumeClaim")));
        List<String> mountPaths = listOfMaps(container().get("volumeMounts")).stream()
                .filter(m -> volume.equals(m.get("name")))
                .map(m -> (String) m.get("mountPath"))
                .toList();
        assertEquals(List.of(outputFolder), mountPaths);
    }

    @Test
    void theSuggestedCaCertIsInTheOptionalCaVolume() {
        Matcher suggested =
                Pattern.compile("# BENCH_CA_CERT: \"(/[^\"]+)/[^/\"]+\"").matcher(jobText);
        assertTrue(suggested.find(), "BENCH_CA_CERT is suggested, commented out");
        Map<String, Object> volume = listOfMaps(podSpec().get("volumes")).stream()
                .filter(v -> "ca".equals(v.get("name")))
                .findFirst()
                .orElseThrow();
        assertEquals(
                Boolean.TRUE,
                map(volume.get("configMap")).get("optional"),
                "the Job starts whether or not the CA ConfigMap exists");
        List<String> mountPaths = listOfMaps(container().get("volumeMounts")).stream()
                .filter(m -> "ca".equals(m.get("name")))
                .map(m -> (String) m.get("mountPath"))
                .toList();
        assertEquals(List.of(suggested.group(1)), mountPaths);
    }

    @Test
    void theSuiteHasTimeToKeepItsResultsAndIsNotRetried() {
        Map<String, Object> pod = podSpec();
        int grace = ((Number) pod.get("terminationGracePeriodSeconds")).intValue();
        assertTrue(grace >= 60, "terminationGracePeriodSeconds " + grace + " leaves time to write results");
        assertEquals("Never", pod.get("restartPolicy"));
        assertEquals(0, ((Number) map(byKind.get("Job").get("spec")).get("backoffLimit")).intValue());
        assertTrue(jobText.contains("# activeDeadlineSeconds:"), "the deadline is offered, commented out");
        Map<String, Object> resources = map(container().get("resources"));
        assertEquals(resources.get("limits"), resources.get("requests"), "Guaranteed QoS");
        assertEquals("bench-suite:jvm", container().get("image"));
    }

    @Test
    void theResultsReaderMountsTheSameClaim() throws IOException {
        List<Map<String, Object>> reader = documents(Files.readString(READER));
        assertEquals(1, reader.size());
        assertEquals("Pod", reader.get(0).get("kind"));
        Map<String, Object> spec = map(reader.get(0).get("spec"));
        assertFalse(
                volumeOfClaim(spec, name(byKind.get("PersistentVolumeClaim"))).isEmpty());
    }

    private static Map<String, Object> podSpec() {
        return map(map(map(byKind.get("Job").get("spec")).get("template")).get("spec"));
    }

    private static Map<String, Object> container() {
        List<Map<String, Object>> containers = listOfMaps(podSpec().get("containers"));
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    /** The name of the pod volume backed by the claim. */
    private static String volumeOfClaim(Map<String, Object> podSpec, String claim) {
        return listOfMaps(podSpec.get("volumes")).stream()
                .filter(v -> v.containsKey("persistentVolumeClaim"))
                .filter(v -> claim.equals(map(v.get("persistentVolumeClaim")).get("claimName")))
                .map(v -> (String) v.get("name"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume uses the claim " + claim));
    }

    private static String name(Map<String, Object> resource) {
        return (String) map(resource.get("metadata")).get("name");
    }

    private static List<Map<String, Object>> documents(String yaml) {
        return StreamSupport.stream(new Yaml().loadAll(yaml).spliterator(), false)
                .filter(Objects::nonNull)
                .map(KubernetesManifestTest::map)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertTrue(node instanceof Map, "expected a mapping, got " + node);
        return (Map<String, Object>) node;
    }

    private static List<Map<String, Object>> listOfMaps(Object node) {
        assertTrue(node instanceof List, "expected a list, got " + node);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object item : (List<?>) node) {
            out.add(map(item));
        }
        return out;
    }
}
