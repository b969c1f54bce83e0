package io.benchsuite.prometheus;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Parses the Prometheus text exposition format (classic and OpenMetrics) into a {@link MetricsPage}.
 *
 * <p>Pure and tolerant: a line that cannot be read is skipped and described in the page's warnings, so a
 * half-broken page still yields every readable sample. The page is read in one pass with index arithmetic
 * (no regular expressions): a vLLM page is tens of kilobytes and may be scraped every 10 ms.
 *
 * <p>Each call works on its own state, so one parser may be shared between threads.
 */
public final class PrometheusTextParser {

    /** Beyond this many malformed lines only a count is kept, so a garbage page cannot flood memory or logs. */
    static final int MAX_LISTED_WARNINGS = 50;

    private static final int MAX_QUOTED_LINE = 120;

    private PrometheusTextParser() {}

    public static MetricsPage parse(CharSequence text) {
        return parse(text, ExpositionFormat.CLASSIC_TEXT);
    }

    public static MetricsPage parse(CharSequence text, ExpositionFormat format) {
        return new PageReader(text.toString(), format, null).read();
    }

    /**
     * Parses only the lines of the families named (and of any metric whose name starts with one of them: a
     * counter's {@code _total}, a histogram's {@code _bucket}); every other sample, HELP and TYPE line is
     * skipped unread, and other comments are read as usual. For a caller that scrapes a page every few
     * milliseconds and reads a few gauges of it: a vLLM page is mostly histogram buckets nobody here reads.
     *
     * @param families metric family names, e.g. {@code vllm:num_requests_running}; an empty list keeps nothing
     */
    public static MetricsPage parse(CharSequence text, ExpositionFormat format, List<String> families) {
        return new PageReader(text.toString(), format, List.copyOf(families)).read();
    }

    public static MetricsPage parse(Reader reader, ExpositionFormat format) {
        StringBuilder text = new StringBuilder(32 * 1024);
        char[] buffer = new char[8192];
        try {
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                text.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(text, format);
    }

    /** A malformed line. Thrown and caught within one line, so it carries no stack trace. */
    private static final class LineError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LineError(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Families while they are being filled. */
    private static final class FamilyBuilder {
        final String name;
        MetricType type;
        String help;
        final List<Sample> samples = new ArrayList<>();

        FamilyBuilder(String name) {
            this.name = name;
        }

        MetricFamily build() {
            return new MetricFamily(name, type == null ? MetricType.UNTYPED : type, help == null ? "" : help, samples);
        }
    }

    /** The state of one parse: the text, a cursor into the current line and the families so far. */
    private static final class PageReader {
        private final String text;
        private final ExpositionFormat format;
        private final Map<String, FamilyBuilder> families = new LinkedHashMap<>();
        /** Sample name -> owning family, so suffix resolution happens once per distinct name, not per line. */
        private final Map<String, FamilyBuilder> familyOfSampleName = new HashMap<>();

        private final List<String> warnings = new ArrayList<>();
        private int unlistedWarnings;
        private int lineNumber;
        private int lineStart;
        private int lineEnd;
        private int pos;
        /** Label names and values of the current line, alternating; reused from line to line. */
        private String[] labelPairs = new String[16];

        /** The family names whose lines are read; null for all. */
        private final List<String> only;

        PageReader(String text, ExpositionFormat format, List<String> only) {
            this.text = text;
            this.format = format;
            this.only = only;
        }

        /**
         * Whether the line at {@code pos} (not blank) is to be read: always without a family list; else a
         * sample, HELP or TYPE line of a listed family, or any other comment ({@code # EOF} must be seen).
         */
        private boolean wanted() {
            if (only == null) {
                return true;
            }
            int at = pos;
            if (text.charAt(at) == '#') {
                at++;
                while (at < lineEnd && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
                    at++;
                }
                boolean directive = text.startsWith("HELP", at) || text.startsWith("TYPE", at);
                if (!directive || at + 4 >= lineEnd || (text.charAt(at + 4) != ' ' && text.charAt(at + 4) != '\t')) {
                    return true;
                }
                at += 4;
                while (at < lineEnd && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
                    at++;
                }
            }
            for (int i = 0; i < only.size(); i++) {
                if (text.startsWith(only.get(i), at)) {
                    return true;
                }
            }
            return false;
        }

        MetricsPage read() {
            int length = text.length();
            int next = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
            boolean eofSeen = false;
            while (next < length) {
                int newline = text.indexOf('\n', next);
                lineStart = next;
                lineEnd = newline < 0 ? length : newline;
                next = lineEnd + 1;
                if (lineEnd > lineStart && text.charAt(lineEnd - 1) == '\r') {
                    lineEnd--;
                }
                lineNumber++;
                pos = lineStart;
                skipBlanks();
                if (pos == lineEnd) {
                    continue;
                }
                if (eofSeen) {
                    warn("content after # EOF ignored");
                    break;
                }
                if (!wanted()) {
                    continue;
                }
                try {
                    if (text.charAt(pos) == '#') {
                        eofSeen = readCommentLine();
                    } else {
                        readSampleLine();
                    }
                } catch (LineError e) {
                    warn(e.getMessage());
                }
            }
            Map<String, MetricFamily> built = new LinkedHashMap<>();
            for (FamilyBuilder family : families.values()) {
                built.put(family.name, family.build());
            }
            if (unlistedWarnings > 0) {
                warnings.add(unlistedWarnings + " more malformed lines not listed");
            }
            return new MetricsPage(built, warnings);
        }

        /** Reads {@code # HELP}, {@code # TYPE} and {@code # EOF}; other comments are ignored. */
        private boolean readCommentLine() {
            pos++;
            int afterHash = pos;
            skipBlanks();
            if (pos == afterHash) {
                return false; // "#HELP" without a blank is a plain comment, not a directive
            }
            String keyword = token();
            switch (keyword) {
                case "HELP":
                    readHelp();
                    return false;
                case "TYPE":
                    readType();
                    return false;
                case "EOF":
                    return true;
                default:
                    return false; // a plain comment, or OpenMetrics' # UNIT which nothing here needs
            }
        }

        private void readHelp() {
            skipBlanks();
            String name = metricName(token());
            // The docstring starts after exactly one separator: further blanks belong to it.
            if (pos < lineEnd) {
                pos++;
            }
            FamilyBuilder family = declaredFamily(name);
            if (family.help != null) {
                throw new LineError("second HELP for " + name + " ignored");
            }
            family.help = unescape(text, pos, lineEnd, false);
        }

        private void readType() {
            skipBlanks();
            String name = metricName(token());
            skipBlanks();
            String keyword = token();
            MetricType type = MetricType.fromKeyword(keyword)
                    .orElseThrow(() -> new LineError("unknown metric type '" + keyword + "'"));
            FamilyBuilder family = declaredFamily(name);
            if (family.type != null && family.type != type) {
                throw new LineError("second TYPE for " + name + " ignored");
            }
            family.type = type;
            // A new type can change which family a suffixed sample name belongs to.
            familyOfSampleName.clear();
        }

        private FamilyBuilder declaredFamily(String name) {
            return families.computeIfAbsent(name, FamilyBuilder::new);
        }

        private void readSampleLine() {
            String name = null;
            if (text.charAt(pos) != '{') {
                int start = pos;
                while (pos < lineEnd && !isBlank(text.charAt(pos)) && text.charAt(pos) != '{') {
                    pos++;
                }
                name = metricName(text.substring(start, pos));
            }
            int afterName = pos;
            skipBlanks(); // the classic format tolerates blanks between a name and its braces
            if (pos >= lineEnd || text.charAt(pos) != '{') {
                pos = afterName;
            }
            Map<String, String> labels = Map.of();
            if (pos < lineEnd && text.charAt(pos) == '{') {
                LabelSet labelSet = readLabels(name == null);
                labels = labelSet.labels();
                if (name == null) {
                    name = labelSet.quotedName();
                }
            }
            if (name == null) {
                throw new LineError("sample without a metric name");
            }
            if (!skipBlanks()) {
                throw new LineError(pos == lineEnd ? "sample without a value" : "no blank before the value");
            }
            double value = parseValue(token());
            OptionalLong timestamp = OptionalLong.empty();
            if (skipBlanks() && text.charAt(pos) != '#') {
                timestamp = OptionalLong.of(parseTimestamp(token()));
                skipBlanks();
            }
            if (pos < lineEnd && text.charAt(pos) != '#') {
                throw new LineError("unexpected text after the value");
            }
            // A remaining '#' starts an OpenMetrics exemplar, which a benchmark has no use for.
            familyOf(name).samples.add(new Sample(name, labels, value, timestamp));
        }

        private FamilyBuilder familyOf(String sampleName) {
            FamilyBuilder cached = familyOfSampleName.get(sampleName);
            if (cached != null) {
                return cached;
            }
            FamilyBuilder family = families.get(sampleName);
            if (family == null) {
                family = suffixOwner(sampleName);
            }
            if (family == null) {
                family = declaredFamily(sampleName);
            }
            familyOfSampleName.put(sampleName, family);
            return family;
        }

        /** The typed family that owns {@code x_suffix} by its type's naming rules, e.g. histogram x for x_bucket. */
        private FamilyBuilder suffixOwner(String sampleName) {
            int underscore = sampleName.lastIndexOf('_');
            if (underscore <= 0) {
                return null;
            }
            FamilyBuilder base = families.get(sampleName.substring(0, underscore));
            if (base != null && base.type != null && base.type.ownsSuffix(sampleName.substring(underscore))) {
                return base;
            }
            return null;
        }

        /** The labels of a sample, and its name when it was quoted inside the braces. */
        private record LabelSet(Map<String, String> labels, String quotedName) {}

        /**
         * Reads {@code {a="x",b="y",}}. When the sample had no name before the brace, the first item may be
         * a quoted metric name (Prometheus 3 UTF-8 names: {@code {"my.metric",a="x"}}).
         */
        private LabelSet readLabels(boolean nameMayBeInside) {
            pos++; // '{'
            int pairCount = 0;
            String quotedName = null;
            boolean first = true;
            while (true) {
                skipBlanks();
                if (pos >= lineEnd) {
                    throw new LineError("unterminated label set");
                }
                char c = text.charAt(pos);
                if (c == '}') {
                    pos++;
                    break;
                }
                String labelName = c == '"' ? quotedString() : labelName();
                skipBlanks();
                if (first
                        && nameMayBeInside
                        && c == '"'
                        && pos < lineEnd
                        && (text.charAt(pos) == ',' || text.charAt(pos) == '}')) {
                    quotedName = labelName;
                } else {
                    expect('=');
                    skipBlanks();
                    if (pos >= lineEnd || text.charAt(pos) != '"') {
                        throw new LineError("label value of " + labelName + " is not quoted");
                    }
                    if (pairCount == labelPairs.length / 2) {
                        labelPairs = Arrays.copyOf(labelPairs, labelPairs.length * 2);
                    }
                    labelPairs[2 * pairCount] = labelName;
                    labelPairs[2 * pairCount + 1] = quotedString();
                    pairCount++;
                    skipBlanks();
                }
                first = false;
                if (pos < lineEnd && text.charAt(pos) == ',') {
                    pos++; // also accepts the trailing comma before '}'
                } else if (pos >= lineEnd || text.charAt(pos) != '}') {
                    throw new LineError("expected ',' or '}' in label set");
                }
            }
            return new LabelSet(immutableLabels(pairCount), quotedName);
        }

        /**
         * The label map, built directly as an immutable map: Sample keeps it without a copy, and no
         * intermediate HashMap is filled per sample (that was most of the parse time).
         */
        private Map<String, String> immutableLabels(int pairCount) {
            String[] p = labelPairs;
            try {
                switch (pairCount) {
                    case 0:
                        return Map.of();
                    case 1:
                        return Map.of(p[0], p[1]);
                    case 2:
                        return Map.of(p[0], p[1], p[2], p[3]);
                    case 3:
                        return Map.of(p[0], p[1], p[2], p[3], p[4], p[5]);
                    case 4:
                        return Map.of(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]);
                    default:
                        // Rare (info-style gauges such as vllm:cache_config_info): a copy is affordable here.
                        Map<String, String> many = new HashMap<>(2 * pairCount);
                        for (int i = 0; i < pairCount; i++) {
                            if (many.put(p[2 * i], p[2 * i + 1]) != null) {
                                throw new LineError("a label is given twice");
                            }
                        }
                        return Map.copyOf(many);
                }
            } catch (IllegalArgumentException duplicateKey) { // Map.of rejects a repeated key
                throw new LineError("a label is given twice");
            }
        }

        private String labelName() {
            int start = pos;
            while (pos < lineEnd && isLabelNameChar(text.charAt(pos))) {
                pos++;
            }
            if (pos == start || Character.isDigit(text.charAt(start))) {
                throw new LineError("invalid label name");
            }
            return text.substring(start, pos);
        }

        /** A double-quoted string with {@code \\}, {@code \"} and {@code \n} escapes; pos is on the opening quote. */
        private String quotedString() {
            int start = ++pos;
            boolean escaped = false;
            while (pos < lineEnd) {
                char c = text.charAt(pos);
                if (c == '\\') {
                    escaped = true;
                    pos += 2;
                } else if (c == '"') {
                    String value = escaped ? unescape(text, start, pos, true) : text.substring(start, pos);
                    pos++;
                    return value;
                } else {
                    pos++;
                }
            }
            throw new LineError("unterminated quoted string");
        }

        private void expect(char wanted) {
            if (pos >= lineEnd || text.charAt(pos) != wanted) {
                throw new LineError("expected '" + wanted + "'");
            }
            pos++;
        }

        /** The characters up to the next blank or the end of the line. */
        private String token() {
            int start = pos;
            while (pos < lineEnd && !isBlank(text.charAt(pos))) {
                pos++;
            }
            return text.substring(start, pos);
        }

        /** Skips spaces and tabs; true when it skipped any and the line goes on. */
        private boolean skipBlanks() {
            int start = pos;
            while (pos < lineEnd && isBlank(text.charAt(pos))) {
                pos++;
            }
            return pos > start && pos < lineEnd;
        }

        private long parseTimestamp(String token) {
            try {
                if (format == ExpositionFormat.OPENMETRICS) {
                    double seconds = parseValue(token);
                    if (!Double.isFinite(seconds)) {
                        throw new LineError("timestamp is not finite");
                    }
                    return Math.round(seconds * 1000.0);
                }
                return Long.parseLong(token);
            } catch (NumberFormatException e) {
                throw new LineError("timestamp '" + token + "' is not an integer of milliseconds");
            }
        }

        private void warn(String reason) {
            if (warnings.size() >= MAX_LISTED_WARNINGS) {
                unlistedWarnings++;
                return;
            }
            int end = Math.min(lineEnd, lineStart + MAX_QUOTED_LINE);
            String quoted = text.substring(lineStart, end) + (end < lineEnd ? "..." : "");
            warnings.add("line " + lineNumber + ": " + reason + ": " + quoted);
        }
    }

    /** A Go float as Prometheus writes it: decimal or exponent forms, NaN, +Inf, -Inf (case-insensitive). */
    static double parseValue(String token) {
        if (token.isEmpty()) {
            throw new LineError("empty value");
        }
        char first = token.charAt(0);
        int signLength = first == '+' || first == '-' ? 1 : 0;
        String unsigned = token.substring(signLength);
        if (unsigned.equalsIgnoreCase("inf") || unsigned.equalsIgnoreCase("infinity")) {
            return first == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        // Double.parseDouble alone would also take "1d", "0x1p3" or "Infinity" spellings Go does not write.
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
                throw new LineError("value '" + token + "' is not a number");
            }
        }
        try {
            return Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw new LineError("value '" + token + "' is not a number");
        }
    }

    private static String metricName(String name) {
        if (name.isEmpty()) {
            throw new LineError("missing metric name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = isLabelNameChar(c) || c == ':';
            if (!ok || (i == 0 && Character.isDigit(c))) {
                throw new LineError("invalid metric name '" + name + "'");
            }
        }
        return name;
    }

    /**
     * Undoes {@code \\} and {@code \n} (and {@code \"} in label values). An unknown escape is kept as written:
     * losing a character of a label value would be worse than showing a stray backslash.
     */
    private static String unescape(String text, int start, int end, boolean quotes) {
        StringBuilder out = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < end) {
                char next = text.charAt(i + 1);
                if (next == '\\' || next == 'n' || (quotes && next == '"')) {
                    out.append(next == 'n' ? '\n' : next);
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isLabelNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
