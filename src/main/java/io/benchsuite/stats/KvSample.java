package io.benchsuite.stats;

/** One live-metrics sample of a KV-cache profile: usage (0 to 1) and the requests running at that moment. */
public record KvSample(double kvCacheUsage, double requestsRunning) {}
