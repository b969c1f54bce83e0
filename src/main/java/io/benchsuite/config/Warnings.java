package io.benchsuite.config;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Warnings about the configuration, each logged once per process: settings are loaded more than once by some
 * commands (the suite reloads them once the simulator is up), and a warning repeated says nothing more.
 */
final class Warnings {

    private static final Logger LOG = Logger.getLogger(SettingsLoader.class);
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private Warnings() {}

    static void once(String message) {
        if (SEEN.add(message)) {
            LOG.warn(message);
        }
    }
}
