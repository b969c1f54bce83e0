package io.benchsuite.fidelity;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The JSON file of a fidelity run.
 *
 * @param machine     processors, load average before the run, Java version: the context the numbers need
 * @param repetitions repetitions per scenario
 * @param scenarios   the medians with every repetition's figures
 * @param floors      the same for the bare java.nio reader against the same simulator, scenario by scenario:
 *                    what this machine allows a client that reads each token as it arrives
 * @param plain       the client's figures when {@code bench-suite run} was started with plain {@code java -jar}
 *                    and no JVM flags, scenario by scenario; empty when not measured (native image, or
 *                    {@code --no-plain-java})
 * @param launch      how the measured {@code bench-suite run} processes were started (their command)
 * @param durationSeconds each run's {@code --max-duration}
 * @param targets     the targets with PASS/FAIL
 */
@RegisterForReflection
public record FidelityReport(
        String machine,
        int repetitions,
        List<ScenarioSummary> scenarios,
        List<ScenarioSummary> floors,
        List<ScenarioSummary> plain,
        String launch,
        double durationSeconds,
        List<TargetCheck> targets) {}
