package io.benchsuite.datasets;

/**
 * Derives independent random seeds from one user seed, so that each file has its own stream: generating
 * only {@code --lengths 1024} gives the same {@code prompts_length_1024.json} as generating the full set.
 */
public final class Seeds {

    private Seeds() {}

    /** The SplitMix64 finalizer over seed and key: well mixed, and fixed by this code, not by the JDK. */
    public static long derive(long seed, long key) {
        long z = seed + (key + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
