package io.benchsuite.stats;

/** Division for speeds, where a zero or negative duration means "no speed" rather than an error. */
final class Rates {

    private Rates() {}

    /** {@code amount / seconds}, or 0 when {@code seconds} is not positive. */
    static double perSecond(double amount, double seconds) {
        return seconds > 0 ? amount / seconds : 0;
    }
}
