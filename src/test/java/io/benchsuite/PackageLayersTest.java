package io.benchsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages' layers, checked on the sources: a package may use only packages of a lower layer, so the
 * dependencies point one way and no cycle can form. A new package must be given a layer here (and a row in
 * the README's layout table). Any reference counts: imports, static imports, fully qualified names in code.
 */
class PackageLayersTest {

    private static final String ROOT_PACKAGE = "io.benchsuite";
    private static final Path SOURCES = Path.of("src/main/java/io/benchsuite");

    /** Lowest layer first; the same list, top down, is the README's layout table. */
    private static final List<List<String>> LAYERS = List.of(
            List.of("config", "record", "tokenizer", "time"),
            List.of("tls", "datasets", "stats", "schedule", "simulator", "health"),
            List.of("prometheus", "workload", "results", "report.model"),
            List.of("client", "report.chart"),
            List.of("suite", "report", "fidelity"),
            List.of("selfmetrics", "load", "compare", "shard"),
            List.of("cli"));

    private static final Pattern REFERENCE =
            Pattern.compile("\\bio\\.benchsuite\\.((?:[a-z][a-z0-9]*\\.)*[a-z][a-z0-9]*)\\.(?:[A-Z]|\\*)");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    /** package -> package it uses -> the files that use it. */
    private static final Map<String, Map<String, Set<String>>> USES = new TreeMap<>();

    @BeforeAll
    static void readSources() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).toList();
        }
        for (Path file : files) {
            String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
            Map<String, Set<String>> uses = USES.computeIfAbsent(pkg, p -> new TreeMap<>());
            String code = COMMENT.matcher(Files.readString(file)).replaceAll("");
            Matcher m = REFERENCE.matcher(code);
            while (m.find()) {
                if (!m.group(1).equals(pkg)) {
                    uses.computeIfAbsent(m.group(1), p -> new TreeSet<>())
                            .add(file.getFileName().toString());
                }
            }
        }
    }

    @Test
    void everyPackageHasALayer() {
        Set<String> placed = new TreeSet<>();
        LAYERS.forEach(placed::addAll);
        Set<String> unplaced = new TreeSet<>(USES.keySet());
        unplaced.removeAll(placed);
        assertTrue(
                unplaced.isEmpty(),
                "packages without a layer in PackageLayersTest.LAYERS (and the README): "
                        + unplaced.stream().map(p -> ROOT_PACKAGE + "." + p).toList());
    }

    @Test
    void packagesUseOnlyLowerLayers() {
        Map<String, Integer> layer = new HashMap<>();
        for (int i = 0; i < LAYERS.size(); i++) {
            for (String pkg : LAYERS.get(i)) {
                layer.put(pkg, i);
            }
        }
        List<String> upstream = new ArrayList<>();
        USES.forEach((pkg, uses) -> uses.forEach((used, files) -> {
            if (layer.containsKey(pkg) && layer.getOrDefault(used, Integer.MAX_VALUE) >= layer.get(pkg)) {
                upstream.add(pkg + " (layer " + layer.get(pkg) + ") uses " + used + " (layer "
                        + layer.getOrDefault(used, -1) + ") in " + files);
            }
        }));
        assertEquals(List.of(), upstream, "a package may use only packages of a lower layer");
    }

    @Test
    void noPackageCycle() {
        Set<String> cycles = new TreeSet<>();
        for (String start : USES.keySet()) {
            // Shortest path back to the start, breadth first; each cycle is reported from its smallest name.
            Map<String, String> cameFrom = new HashMap<>();
            Deque<String> queue = new ArrayDeque<>(List.of(start));
            while (!queue.isEmpty()) {
                String pkg = queue.poll();
                for (String next : USES.getOrDefault(pkg, Map.of()).keySet()) {
                    if (next.equals(start)) {
                        List<String> cycle = new ArrayList<>(List.of(start));
                        for (String p = pkg; !p.equals(start); p = cameFrom.get(p)) {
                            cycle.add(1, p);
                        }
                        if (cycle.stream().allMatch(p -> p.compareTo(start) >= 0)) {
                            cycles.add(String.join(" -> ", cycle));
                        }
                        queue.clear();
                        break;
                    }
                    if (!cameFrom.containsKey(next) && !next.equals(start)) {
                        cameFrom.put(next, pkg);
                        queue.add(next);
                    }
                }
            }
        }
        assertEquals(Set.of(), cycles, "package cycles");
    }

    @Test
    void theScanSeesReferences() {
        // Guards the scan itself: a test that cannot see an import cannot fail on one.
        assertTrue(USES.get("cli").containsKey("suite"), USES.toString());
        assertTrue(USES.get("report").containsKey("report.chart"), USES.toString());
        assertTrue(USES.get("results").containsKey("stats"), USES.toString());
    }
}
