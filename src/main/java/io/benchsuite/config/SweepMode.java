package io.benchsuite.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a pair's generation-speed sweep chooses its levels of parallel requests: the {@code sweep} setting.
 */
public enum SweepMode {
    /**
     * Brackets and bisects, over whole numbers of parallel requests from 1 to the largest configured level, the
     * level where each criterion (speed and KV-cache thresholds, service-level objectives) stops holding; each
     * level also stops as soon as its median speed is known to +-2 %.
     */
    ADAPTIVE("adaptive"),
    /** Every configured level, each run to its min duration and target count: the original tool's sweep. */
    GRID("grid");

    private final String id;

    SweepMode(String id) {
        this.id = id;
    }

    /** The setting's value, also written as {@code sweep} in every raw result's parameters. */
    public String id() {
        return id;
    }

    /**
     * @param text the setting's value, case and surrounding spaces ignored
     * @throws UsageException naming the setting and the choices when it is neither
     */
    public static SweepMode parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(m -> m.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new UsageException("Unknown sweep '" + text + "'; set "
                        + SettingsCatalog.get("sweep").spellings() + " to one of "
                        + Arrays.stream(values()).map(SweepMode::id).collect(Collectors.joining(", "))));
    }
}
