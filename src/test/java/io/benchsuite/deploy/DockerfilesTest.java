package io.benchsuite.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchsuite.health.LaunchFlags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The container images run the suite configured by environment variables only, so a misspelt variable
 * in a Dockerfile would silently fall back to a default: every BENCH_ name must be a real setting.
 */
class DockerfilesTest {

    private static final Path JVM = Path.of("src/main/docker/Dockerfile.jvm");
    private static final Path NATIVE = Path.of("src/main/docker/Dockerfile.native");
    /** Builds the application in a first stage, so that no JDK is needed on the host. */
    private static final Path MULTI_STAGE = Path.of("src/main/docker/Dockerfile");

    private static final Path LAUNCHER = Path.of("bin/bench-suite");
    private static final Pattern JVM_FLAG = Pattern.compile("-X[A-Za-z:+\\-]+[A-Za-z0-9=.:/_\\-]*");

    static Stream<Path> dockerfiles() {
        return Stream.of(JVM, NATIVE, MULTI_STAGE);
    }

    @ParameterizedTest
    @MethodSource("dockerfiles")
    void everyBenchVariableIsARealSetting(Path file) throws IOException {
        Map<String, String> env = read(file).env();
        List<String> benchNames =
                env.keySet().stream().filter(n -> n.startsWith("BENCH_")).toList();
        assertFalse(benchNames.isEmpty(), file + " sets no BENCH_ variable");
        for (String name : benchNames) {
            assertTrue(SettingEnvNames.isSetting(name), file + ": ENV " + name + " is not a setting");
        }
    }

    @ParameterizedTest
    @MethodSource("dockerfiles")
    void resultsGoToTheVolumeAndDatasetsAreTheBuiltInOnes(Path file) throws IOException {
        DockerfileInstructions dockerfile = read(file);
        assertEquals("/results", dockerfile.env().get("BENCH_OUTPUT_FOLDER"), file.toString());
        assertFalse(
                dockerfile.env().containsKey("BENCH_DATASET_FOLDER"),
                file + ": the datasets are inside the application, no folder to point at");
        assertEquals(List.of("/results"), dockerfile.arguments("VOLUME"), file + ": one VOLUME, /results");
        // (The multi-stage build copies datasets/ into its build stage, to put it inside the jar.)
        assertTrue(
                dockerfile.arguments("COPY").stream().noneMatch(a -> a.matches(".*datasets/? /\\S*datasets/?")),
                file + " copies no datasets folder into the image");
        assertTrue(
                dockerfile.arguments("RUN").stream().anyMatch(a -> a.contains("mkdir -p /results")),
                file + " prepares /results for the non-root user");
    }

    @ParameterizedTest
    @MethodSource("dockerfiles")
    void runsAsANonRootUser(Path file) throws IOException {
        List<String> users = read(file).arguments("USER");
        assertFalse(users.isEmpty(), file + " sets a USER");
        String last = users.get(users.size() - 1);
        assertNotEquals("root", last, file.toString());
        assertNotEquals("0", last, file.toString());
    }

    @ParameterizedTest
    @MethodSource("dockerfiles")
    void installsFontsForTheCharts(Path file) throws IOException {
        assertTrue(
                read(file).arguments("RUN").stream()
                        .anyMatch(a ->
                                a.contains("microdnf install") && a.contains("fontconfig") && a.contains("dejavu")),
                file + " installs fontconfig and a DejaVu font");
    }

    @ParameterizedTest
    @MethodSource("dockerfiles")
    void hasOneExecFormEntrypoint(Path file) throws IOException {
        assertEquals(1, read(file).arguments("ENTRYPOINT").size(), file.toString());
        assertFalse(entrypoint(file).isEmpty());
    }

    @Test
    void jvmEntrypointRunsTheJarWithTheLaunchersFlags() throws IOException {
        List<String> entrypoint = entrypoint(JVM);
        assertEquals("java", entrypoint.get(0));
        int jar = entrypoint.indexOf("-jar");
        assertEquals("/deployments/quarkus-run.jar", entrypoint.get(jar + 1));
        assertEquals(jar + 2, entrypoint.size(), "the jar comes last, so docker run arguments reach the tool");
        List<String> launcherFlags = launcherJvmFlags();
        assertFalse(launcherFlags.isEmpty(), "flags found in " + LAUNCHER);
        assertTrue(
                entrypoint.subList(0, jar).containsAll(launcherFlags),
                "entrypoint " + entrypoint + " has the launcher's flags " + launcherFlags);
    }

    @Test
    void jvmEntrypointUsesTheArchiveTheImageRecords() throws IOException {
        Matcher recorded = Pattern.compile("-XX:ArchiveClassesAtExit=(\\S+)")
                .matcher(String.join("\n", read(JVM).arguments("RUN")));
        assertTrue(recorded.find(), "Dockerfile.jvm records a CDS archive");
        assertTrue(entrypoint(JVM).contains("-XX:SharedArchiveFile=" + recorded.group(1)));
    }

    @Test
    void theMultiStageImageBuildsTheJarItselfAndRunsItLikeTheJvmImage() throws IOException {
        DockerfileInstructions dockerfile = read(MULTI_STAGE);
        List<String> stages = dockerfile.arguments("FROM");
        assertEquals(2, stages.size(), stages.toString());
        assertTrue(stages.get(0).endsWith(" AS build"), stages.get(0));
        assertTrue(stages.get(0).contains("openjdk-17:"), "a JDK image builds: " + stages.get(0));
        assertEquals(read(JVM).arguments("FROM"), List.of(stages.get(1)), "the runtime base of Dockerfile.jvm");
        assertTrue(
                dockerfile.arguments("RUN").stream().anyMatch(a -> a.startsWith("./mvnw") && a.contains("package")),
                "the jar is built inside the image");
        List<String> fromBuild = dockerfile.arguments("COPY").stream()
                .filter(a -> a.startsWith("--from=build"))
                .toList();
        assertEquals(4, fromBuild.size(), "the four fast-jar layers come from the build stage: " + fromBuild);
        assertEquals(entrypoint(JVM), entrypoint(MULTI_STAGE));
        String ignore = Files.readString(Path.of(".dockerignore"));
        for (String needed : List.of("!mvnw", "!.mvn", "!pom.xml", "!src/main", "!datasets")) {
            assertTrue(ignore.lines().anyMatch(needed::equals), ".dockerignore lets " + needed + " into the context");
        }
    }

    @Test
    void nativeEntrypointIsTheExecutable() throws IOException {
        assertEquals(List.of("/work/bench-suite"), entrypoint(NATIVE));
        assertTrue(
                read(NATIVE).arguments("COPY").stream().anyMatch(a -> a.contains("target/bench-suite ")),
                "Dockerfile.native copies target/bench-suite");
    }

    @Test
    void settingNamesRejectATypo() {
        assertTrue(SettingEnvNames.isSetting("BENCH_OUTPUT_FOLDER"));
        assertTrue(SettingEnvNames.isSetting("OUTPUT_FOLDER"));
        assertFalse(SettingEnvNames.isSetting("BENCH_OUTPUT_FOLDERS"));
        assertFalse(SettingEnvNames.isSetting("BENCH_OUTPUTFOLDER"));
    }

    @Test
    void parserJoinsContinuationsSkipsCommentsAndReadsBothEnvForms() {
        DockerfileInstructions parsed = DockerfileInstructions.parse("""
                # a comment
                FROM base:1
                ENV A=1 \\
                    B="two words" C='x:y'
                env D 4 and more
                RUN first \\
                    && second
                """);
        assertEquals(
                List.of("FROM", "ENV", "ENV", "RUN"),
                parsed.instructions().stream()
                        .map(DockerfileInstructions.Instruction::keyword)
                        .toList());
        assertEquals(Map.of("A", "1", "B", "two words", "C", "x:y", "D", "4 and more"), parsed.env());
        assertEquals(List.of("first  && second"), parsed.arguments("RUN"));
    }

    private static DockerfileInstructions read(Path file) throws IOException {
        return DockerfileInstructions.parse(Files.readString(file));
    }

    private static List<String> entrypoint(Path file) throws IOException {
        String json = read(file).arguments("ENTRYPOINT").get(0);
        return new ObjectMapper().readValue(json, new TypeReference<List<String>>() {});
    }

    @Test
    void theLaunchersFlagsAreTheOnesTheProgramChecksAtStart() throws IOException {
        // Otherwise a flag added to the launcher alone would make every run through it warn, and one added to
        // LaunchFlags alone would be missing from the launcher.
        assertEquals(List.of(), LaunchFlags.missing(launcherJvmFlags()));
    }

    /** The literal -X flags of the launcher's java command line (comments left out). */
    private static List<String> launcherJvmFlags() throws IOException {
        String script = Files.readString(LAUNCHER);
        String command = script.substring(script.indexOf("exec java"));
        List<String> flags = new ArrayList<>();
        Matcher flag = JVM_FLAG.matcher(command);
        while (flag.find()) {
            flags.add(flag.group());
        }
        return flags;
    }
}
