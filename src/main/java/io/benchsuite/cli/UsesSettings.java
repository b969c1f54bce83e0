package io.benchsuite.cli;

/** Marks a command that takes the benchmark settings as options (see {@link SettingsOptions}). */
interface UsesSettings {
}
