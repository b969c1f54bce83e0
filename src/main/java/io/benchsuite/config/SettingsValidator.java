package io.benchsuite.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks settings before any work starts. Each failure is a {@link UsageException} whose one-line message
 * names the setting, the bad value and the fix. Pure apart from the file-system checks that the caller
 * asks for.
 */
public final class SettingsValidator {

    private SettingsValidator() {}

    /** Checks every value that does not depend on which command runs. */
    public static void validate(BenchSettings s) {
        baseUrl(s);
        Backend.parse(s.backend());
        Api.of(s);
        SweepMode.parse(s.sweep());
        range("port", s.port(), 1, 65535);
        positive("step-live-metrics", s.stepLiveMetrics());
        positive("max-queries", s.maxQueries());
        positive("max-duration-prompt-ingestion", s.maxDurationPromptIngestion());
        positive("max-duration-kv-cache-profile", s.maxDurationKvCacheProfile());
        positive("max-duration-speed-generation", s.maxDurationSpeedGeneration());
        positive("min-duration-speed-generation", s.minDurationSpeedGeneration());
        positive("target-queries-nb-speed-generation", s.targetQueriesNbSpeedGeneration());
        atLeastZero("min-number-of-valid-queries", s.minNumberOfValidQueries());
        atLeastZero("speed-threshold", s.speedThreshold());
        positive("request-timeout", s.requestTimeout());
        atLeastZero("max-consecutive-failures", s.maxConsecutiveFailures());
        fraction("kv-cache-threshold", s.kvCacheThreshold());
        fraction("max-failed-share", s.maxFailedShare());
        positiveList("input-lengths", s.inputLengths(), false);
        positiveList("output-lengths", s.outputLengths(), false);
        positiveList("parallel-requests", s.parallelRequests(), true);
        if (s.minDurationSpeedGeneration() > s.maxDurationSpeedGeneration()) {
            throw new UsageException("min-duration-speed-generation (" + s.minDurationSpeedGeneration()
                    + " s) is above max-duration-speed-generation (" + s.maxDurationSpeedGeneration()
                    + " s); lower "
                    + SettingsCatalog.get("min-duration-speed-generation").option()
                    + " or raise "
                    + SettingsCatalog.get("max-duration-speed-generation").option());
        }
        endpoint("completions-endpoint", Api.completionsPath(s), Api.of(s).defaultPath());
        s.metricsEndpoint()
                .filter(path -> !path.isBlank())
                .ifPresent(path -> endpoint("metrics-endpoint", path, "/metrics"));
        metricsUrl(s);
        endpoint("info-endpoint", s.infoEndpoint());
        endpoint("launch-arguments-endpoint", s.launchArgumentsEndpoint());
        endpoint("tokenize-endpoint", s.tokenizeEndpoint());
        tlsTrust(s);
        slo(s);
        shards(s);
    }

    /** The service-level objectives, when set to a non-blank text; a bad one is a usage error. */
    public static Optional<ServiceLevelObjectives> slo(BenchSettings s) {
        return s.slo().filter(text -> !text.isBlank()).map(ServiceLevelObjectives::parse);
    }

    /** A shard index within the count, and a shared folder whenever there is more than one shard. */
    private static void shards(BenchSettings s) {
        positive("shard-count", s.shardCount());
        positive("shard-timeout", s.shardTimeout());
        if (s.shardIndex() < 0 || s.shardIndex() >= s.shardCount()) {
            throw new UsageException("shard-index " + s.shardIndex() + " is outside 0 to " + (s.shardCount() - 1)
                    + " (shard-count " + s.shardCount() + "); set "
                    + SettingsCatalog.get("shard-index").option()
                    + " or raise " + SettingsCatalog.get("shard-count").option());
        }
        if (s.shardCount() > 1 && s.shardFolder().filter(f -> !f.isBlank()).isEmpty()) {
            throw new UsageException("shard-count " + s.shardCount() + " needs a folder all shards share; set "
                    + SettingsCatalog.get("shard-folder").option() + " (BENCH_SHARD_FOLDER)");
        }
    }

    /**
     * Trusting a CA and trusting everything contradict each other. Rather than guess which one was meant
     * (typically a BENCH_INSECURE forgotten in a .env file while a CA is now mounted), nothing starts.
     */
    private static void tlsTrust(BenchSettings s) {
        if (s.insecure() && s.caCert().filter(path -> !path.isBlank()).isPresent()) {
            throw new UsageException("ca-cert and insecure are both set, which contradict each other; unset "
                    + SettingsCatalog.get("insecure").spellings() + " to verify the server against the CA, or unset "
                    + SettingsCatalog.get("ca-cert").spellings() + " to skip verification");
        }
    }

    /** metrics-url, when given, is an absolute http(s) URL with a host. */
    public static java.util.Optional<URI> metricsUrl(BenchSettings s) {
        String given = s.metricsUrl().map(String::trim).orElse("");
        if (given.isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            URI uri = new URI(given);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return java.util.Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new UsageException("Invalid metrics-url '" + given + "'; set "
                + SettingsCatalog.get("metrics-url").spellings()
                + " to the full URL of the metrics page, e.g. http://triton-host:8002/metrics");
    }

    /**
     * The dataset folder the user set, which must exist before a benchmark that reads prompts starts; empty
     * when none is set (or it is set to an empty text), meaning the datasets built into the tool.
     */
    public static Optional<Path> datasetFolder(BenchSettings s) {
        Optional<String> given = s.datasetFolder().map(String::strip).filter(text -> !text.isEmpty());
        if (given.isEmpty()) {
            return Optional.empty();
        }
        Path folder = Path.of(given.get());
        if (!Files.isDirectory(folder)) {
            throw new UsageException("Dataset folder '" + folder.toAbsolutePath() + "' does not exist; set "
                    + SettingsCatalog.get("dataset-folder").spellings() + " to the folder holding the prompt files, "
                    + "or unset it to use the datasets built into the tool");
        }
        return Optional.of(folder);
    }

    /**
     * The server root: base-url when given (a trailing slash removed so endpoint paths join cleanly), else
     * http://host:port. The original tool ignored host and port when base-url was an empty string.
     */
    public static URI baseUrl(BenchSettings s) {
        String given = s.baseUrl().map(String::trim).orElse("");
        String text = given.isEmpty() ? "http://" + s.host() + ":" + s.port() : given;
        Setting setting = SettingsCatalog.get(given.isEmpty() ? "host" : "base-url");
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new UsageException("Invalid " + setting.name() + ": '" + text + "' is not a URL (" + e.getReason()
                    + "); set " + setting.spellings() + " to e.g. http://127.0.0.1:8000");
        }
        if (uri.getScheme() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new UsageException(
                    "Invalid " + setting.name() + ": '" + text + "' is not an http(s) URL with a host; set "
                            + setting.spellings() + " to e.g. http://127.0.0.1:8000");
        }
        String normalized = uri.toString();
        while (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return URI.create(normalized);
    }

    private static void endpoint(String name, String path) {
        endpoint(name, path, SettingsCatalog.get(name).defaultValue().orElse("/"));
    }

    private static void endpoint(String name, String path, String example) {
        if (!path.startsWith("/")) {
            throw new UsageException("Invalid " + name + ": '" + path + "' must be a path starting with '/'; set "
                    + SettingsCatalog.get(name).spellings() + " to e.g. " + example);
        }
    }

    private static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new UsageException("Invalid " + name + ": " + format(value) + " must be above 0; set "
                    + SettingsCatalog.get(name).spellings() + " to a positive value");
        }
    }

    private static void atLeastZero(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new UsageException("Invalid " + name + ": " + format(value) + " must be 0 or more; set "
                    + SettingsCatalog.get(name).spellings() + " to a value of 0 or more");
        }
    }

    private static void fraction(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new UsageException("Invalid " + name + ": " + format(value) + " must be in (0, 1]; set "
                    + SettingsCatalog.get(name).spellings() + " to a fraction such as 0.95");
        }
    }

    private static void positiveList(String name, java.util.List<Integer> values, boolean increasing) {
        String fix = "; set " + SettingsCatalog.get(name).spellings() + " to positive integers separated by commas"
                + (increasing ? ", in increasing order" : "");
        if (values.isEmpty()) {
            throw new UsageException("Invalid " + name + ": the list is empty" + fix);
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) < 1) {
                throw new UsageException("Invalid " + name + ": " + values.get(i) + " must be above 0" + fix);
            }
            if (increasing && i > 0 && values.get(i) <= values.get(i - 1)) {
                throw new UsageException("Invalid " + name + ": " + values + " is not in increasing order" + fix);
            }
        }
    }

    private static void range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new UsageException("Invalid " + name + ": " + value + " is outside " + min + "-" + max + "; set "
                    + SettingsCatalog.get(name).spellings() + " to a value in that range");
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value)
                ? Long.toString((long) value)
                : Double.toString(value);
    }
}
