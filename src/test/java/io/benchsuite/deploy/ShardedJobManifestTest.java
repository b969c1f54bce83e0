package io.benchsuite.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.config.SettingsCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The sharded Indexed Job: every variable it sets is a setting, its shard count agrees everywhere
 * (parallelism, completions, BENCH_SHARD_COUNT), the shards share a ReadWriteMany volume at the folders the
 * settings point to, and it uses the settings ConfigMap and API-key Secret of the single Job's files.
 */
class ShardedJobManifestTest {

    private static final Path SHARDED = Path.of("src/main/kubernetes/bench-suite-sharded-job.yaml");
    private static final Path SINGLE = Path.of("src/main/kubernetes/bench-suite-job.yaml");
    private static final Path SECRET = Path.of("src/main/kubernetes/bench-suite-api-key.example.yaml");

    private static Map<String, Map<String, Object>> byKind;
    private static Map<String, Map<String, Object>> singleByKind;

    @BeforeAll
    static void load() throws IOException {
        byKind = byKind(SHARDED);
        singleByKind = byKind(SINGLE);
    }

    @Test
    void isAnIndexedJobWithOneShardCountEverywhere() {
        Map<String, Object> job = map(byKind.get("Job").get("spec"));
        assertEquals("Indexed", job.get("completionMode"));
        assertEquals(0, job.get("backoffLimitPerIndex"), "a failed shard is not retried and does not end the others");
        int count = Integer.parseInt(env().get("BENCH_SHARD_COUNT"));
        assertTrue(count > 1, "a sharded Job has more than one shard");
        assertEquals(count, job.get("parallelism"), "parallelism = BENCH_SHARD_COUNT");
        assertEquals(count, job.get("completions"), "completions = BENCH_SHARD_COUNT");
        assertTrue(!env().containsKey("BENCH_SHARD_INDEX"), "each pod's index comes from JOB_COMPLETION_INDEX");
        assertEquals("Never", podSpec().get("restartPolicy"));
    }

    @Test
    void everyVariableItSetsIsASetting() {
        for (String name : env().keySet()) {
            if (name.equals("JOB_UID")) {
                continue; // the Job's uid, only expanded into BENCH_SHARD_FOLDER
            }
            assertTrue(SettingEnvNames.isSetting(name), name + " is not a setting's environment variable");
        }
        for (String setting : List.of("shard-count", "shard-folder", "shard-timeout")) {
            assertTrue(
                    env().containsKey(SettingsCatalog.get(setting).envName()),
                    setting + " set by " + SettingsCatalog.get(setting).envName());
        }
    }

    @Test
    void theShardsShareAReadWriteManyVolumeWhereTheFoldersPoint() {
        Map<String, Object> claim = byKind.get("PersistentVolumeClaim");
        assertEquals(List.of("ReadWriteMany"), map(claim.get("spec")).get("accessModes"));
        String claimName = (String) map(claim.get("metadata")).get("name");
        String volume = listOfMaps(podSpec().get("volumes")).stream()
                .filter(v -> v.containsKey("persistentVolumeClaim"))
                .filter(v ->
                        claimName.equals(map(v.get("persistentVolumeClaim")).get("claimName")))
                .map(v -> (String) v.get("name"))
                .findFirst()
                .orElseThrow();
        String mount = listOfMaps(container().get("volumeMounts")).stream()
                .filter(m -> volume.equals(m.get("name")))
                .map(m -> (String) m.get("mountPath"))
                .findFirst()
                .orElseThrow();
        assertEquals(mount, env().get("BENCH_OUTPUT_FOLDER"));
        assertTrue(env().get("BENCH_SHARD_FOLDER").startsWith(mount + "/"), env().get("BENCH_SHARD_FOLDER"));
        assertTrue(env().get("BENCH_SHARD_FOLDER").contains("$(JOB_UID)"), "a new shared folder for each run's Job");
    }

    @Test
    void usesTheSingleJobsSettingsAndKey() throws IOException {
        List<Map<String, Object>> fromConfigMaps = listOfMaps(container().get("envFrom"));
        String settings =
                (String) map(fromConfigMaps.get(0).get("configMapRef")).get("name");
        assertEquals(map(singleByKind.get("ConfigMap").get("metadata")).get("name"), settings);
        Map<String, Object> key = listOfMaps(container().get("env")).stream()
                .filter(e -> "BENCH_API_KEY".equals(e.get("name")))
                .map(e -> map(map(e.get("valueFrom")).get("secretKeyRef")))
                .findFirst()
                .orElseThrow();
        Map<String, Object> secret = byKind(SECRET).get("Secret");
        assertEquals(map(secret.get("metadata")).get("name"), key.get("name"));
        assertTrue(map(secret.get("stringData")).containsKey(key.get("key")) || secret.containsKey("data"));
    }

    @Test
    void theSettingsConfigMapCanBeAppliedAloneByItsLabel() throws IOException {
        assertEquals(
                "settings",
                map(map(singleByKind.get("ConfigMap").get("metadata")).get("labels"))
                        .get("app.kubernetes.io/component"));
        assertTrue(Files.readString(SHARDED).contains("-l app.kubernetes.io/component=settings"));
    }

    private static Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map<String, Object> e : listOfMaps(container().get("env"))) {
            env.put(
                    (String) e.get("name"),
                    e.get("value") == null ? null : e.get("value").toString());
        }
        return env;
    }

    private static Map<String, Object> podSpec() {
        return map(map(map(byKind.get("Job").get("spec")).get("template")).get("spec"));
    }

    private static Map<String, Object> container() {
        List<Map<String, Object>> containers = listOfMaps(podSpec().get("containers"));
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    private static Map<String, Map<String, Object>> byKind(Path file) throws IOException {
        return StreamSupport.stream(new Yaml().loadAll(Files.readString(file)).spliterator(), false)
                .filter(Objects::nonNull)
                .map(ShardedJobManifestTest::map)
                .collect(Collectors.toMap(d -> (String) d.get("kind"), d -> d));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertTrue(node instanceof Map, "expected a mapping, got " + node);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOfMaps(Object node) {
        assertTrue(node instanceof List, "expected a list, got " + node);
        return (List<Map<String, Object>>) node;
    }
}
