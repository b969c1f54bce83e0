package io.benchsuite.cli;

import io.benchsuite.config.SettingsCatalog;
import io.benchsuite.config.SettingsLoader.GivenValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * --quick only replaces defaults: a value from the environment or a .env file (a ConfigMap's
 * BENCH_MAX_DURATION_SPEED_GENERATION=900) still wins, and the "quick" run can last hours. Says so at start.
 */
final class QuickOverrides {

    private QuickOverrides() {}

    /**
     * @param quick the settings --quick sets, by setting name (QuickMode.SETTINGS)
     * @param given the settings the user set, by setting name, with their source ("command line",
     *              "environment", ".env file ...")
     * @return a one-line warning naming each of quick's settings that the environment or a .env file replaces,
     *     with its variable, value and source; empty when none is (command-line values are deliberate)
     */
    static Optional<String> warning(Map<String, String> quick, Map<String, GivenValue> given) {
        List<String> replaced = quick.keySet().stream()
                .sorted()
                .filter(name -> given.containsKey(name)
                        && !given.get(name).source().equals("command line")
                        && !given.get(name).value().equals(quick.get(name)))
                .map(name -> SettingsCatalog.get(name).envName() + "="
                        + given.get(name).value() + " (" + given.get(name).source() + ", --quick sets "
                        + quick.get(name) + ")")
                .toList();
        if (replaced.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("--quick is given but settings from the environment or a .env file replace some of its "
                + "values, so the run may be far from quick: " + String.join(", ", replaced)
                + "; unset them or give the values on the command line");
    }
}
