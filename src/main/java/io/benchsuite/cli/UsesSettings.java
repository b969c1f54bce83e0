package io.benchsuite.cli;

import io.benchsuite.config.Setting;

/** Marks a command that takes the benchmark settings as options (see {@link SettingsOptions}). */
interface UsesSettings {

    /**
     * Whether this command reads the setting; only those become its options, so its help lists what it uses
     * and a suite-only option given to a single benchmark is an error rather than silently ignored.
     */
    default boolean uses(Setting setting) {
        return true;
    }
}
