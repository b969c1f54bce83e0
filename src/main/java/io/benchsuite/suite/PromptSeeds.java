package io.benchsuite.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * The seed of a suite benchmark's prompts (their fresh random prefix and their order).
 *
 * <p>A fresh prefix per benchmark defeats prefix caching across benchmarks, so the seed mixes the run seed
 * with the raw file name: a resumed run sends what the interrupted one would have sent for the benchmarks not
 * started yet. A benchmark that was itself interrupted left an incomplete result in its file; running it
 * again with the same prompts would measure the server's prompt cache (its prefixes were already sent), so
 * the seed of such a re-run also mixes in a checksum of that incomplete file. Each interrupted attempt writes
 * a different file (its timestamps and counts differ), so every attempt gets new prefixes, and the same
 * folder with the same settings still gives the same prompts.
 */
final class PromptSeeds {

    private PromptSeeds() {}

    /** The seed of a benchmark's first attempt: the run seed mixed with the raw file name. */
    static long firstAttempt(long runSeed, String fileName) {
        return runSeed * 31 + fileName.hashCode();
    }

    /**
     * @param runSeed  the run's seed (settings)
     * @param fileName the benchmark's raw file name
     * @param file     where its raw result is written; an existing file here is an incomplete earlier attempt
     *                 (finished ones are skipped before this is asked)
     * @return the seed to plan the benchmark's prompts with
     * @throws UncheckedIOException when an existing file cannot be read
     */
    static long of(long runSeed, String fileName, Path file) {
        long seed = firstAttempt(runSeed, fileName);
        try {
            CRC32 earlier = new CRC32();
            earlier.update(Files.readAllBytes(file));
            return seed * 31 + earlier.getValue();
        } catch (NoSuchFileException firstAttempt) {
            return seed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
