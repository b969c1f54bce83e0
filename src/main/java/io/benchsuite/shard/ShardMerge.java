package io.benchsuite.shard;

import io.benchsuite.health.ClientHealth;
import io.benchsuite.results.RawResult;
import io.benchsuite.stats.GeneralMetrics;
import io.benchsuite.stats.PromptCacheCheck;
import io.benchsuite.stats.QueryStats;
import io.benchsuite.stats.RunMetrics;
import io.benchsuite.stats.ServerPeaks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The exact merge of one benchmark: every shard's requests joined into one list, and every statistic
 * computed again from that list by {@link RunMetrics#of}, the code a single process uses, so percentiles are
 * percentiles of all requests and never averages of the shards' percentiles. Pure.
 *
 * <p>Only shard 0 scrapes the server, so the server's peaks (KV cache, requests running and waiting), the
 * KV-cache samples and the scrape failures are its own. The duration runs from the first shard's start to the
 * last shard's end, each by its own clock anchor. The parameters are shard 0's with the benchmark's whole
 * level (n_workers, request_rate, target_queries_nb), plus {@code shards}: which shards were merged, which
 * are missing and why, each one's request count, and the spread of their starts in seconds (how far apart
 * their clocks and barriers put them). A benchmark with a missing shard, or a shard interrupted, is marked
 * incomplete: its level was not fully loaded.
 */
public final class ShardMerge {

    private ShardMerge() {}

    /**
     * @param benchmark the benchmark as shard 0 published it
     * @param results   the results found, any order, at least one
     * @param missing   shard number (as text) to why its result is not there
     */
    public static RawResult merge(ShardBenchmark benchmark, List<ShardResult> results, Map<String, String> missing) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no shard result to merge for " + benchmark.fileName());
        }
        List<ShardResult> sorted = results.stream()
                .sorted(Comparator.comparingInt(ShardResult::shard))
                .toList();
        ShardResult first = sorted.get(0);
        Optional<ShardResult> coordinator =
                sorted.stream().filter(r -> r.shard() == 0).findFirst();

        List<QueryStats> all = new ArrayList<>();
        Map<String, Object> records = new TreeMap<>();
        for (ShardResult r : sorted) {
            List<QueryStats> own = new ArrayList<>(r.raw().errored());
            own.addAll(r.raw().individual().orElse(List.of()));
            own.sort(Comparator.comparingDouble(QueryStats::startingTimestamp));
            all.addAll(own);
            records.put(Integer.toString(r.shard()), own.size());
        }
        all.sort(Comparator.comparingDouble(QueryStats::startingTimestamp));

        double firstStart = sorted.stream()
                .mapToDouble(ShardResult::startedEpochSeconds)
                .min()
                .orElse(0);
        double lastStart = sorted.stream()
                .mapToDouble(ShardResult::startedEpochSeconds)
                .max()
                .orElse(0);
        double lastEnd = sorted.stream()
                .mapToDouble(r -> r.startedEpochSeconds() + r.raw().general().actualTotalTime())
                .max()
                .orElse(0);

        ServerPeaks peaks = coordinator.map(r -> peaks(r.raw().general())).orElse(ServerPeaks.UNAVAILABLE);
        RunMetrics metrics = RunMetrics.of(all, peaks, lastEnd - firstStart);

        Map<String, Object> parameters =
                new LinkedHashMap<>(coordinator.orElse(first).raw().parameters());
        parameters.put("n_workers", benchmark.requestsInFlight());
        parameters.put("request_rate", benchmark.requestRate() == null ? "inf" : benchmark.requestRate());
        parameters.put("target_queries_nb", benchmark.targetQueries());
        Map<String, Object> shards = new LinkedHashMap<>();
        shards.put("count", benchmark.shardCount());
        shards.put("merged", sorted.stream().map(ShardResult::shard).toList());
        shards.put("missing", new TreeMap<>(missing));
        shards.put("records", records);
        shards.put("start_spread_seconds", lastStart - firstStart);
        Map<String, Object> anchors = new TreeMap<>();
        Map<String, Object> starts = new TreeMap<>();
        for (ShardResult r : sorted) {
            anchors.put(Integer.toString(r.shard()), r.anchorEpochSeconds());
            starts.put(Integer.toString(r.shard()), r.startedEpochSeconds());
        }
        shards.put("anchor_epoch_seconds", anchors);
        shards.put("started_epoch_seconds", starts);
        parameters.put("shards", shards);

        boolean complete =
                missing.isEmpty() && sorted.stream().allMatch(r -> r.raw().complete());
        Optional<ClientHealth> health = sorted.stream()
                .map(r -> r.raw().clientHealth())
                .flatMap(Optional::stream)
                .filter(ClientHealth::degraded)
                .findFirst()
                .or(() -> coordinator.orElse(first).raw().clientHealth());
        return new RawResult(
                parameters,
                metrics.general(),
                metrics.aggregated(),
                all.stream().filter(q -> !q.isValid()).toList(),
                benchmark.queryMetrics()
                        ? Optional.of(all.stream().filter(QueryStats::isValid).toList())
                        : Optional.empty(),
                coordinator.flatMap(r -> r.raw().kvProfile()),
                coordinator.map(r -> r.raw().scrapeFailures()).orElse(0),
                complete,
                PromptCacheCheck.cachedPromptRequests(all),
                health);
    }

    private static ServerPeaks peaks(GeneralMetrics general) {
        return new ServerPeaks(general.maxKvCache(), general.maxRequestsRunning(), general.maxRequestsWaiting());
    }
}
