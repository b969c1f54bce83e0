package io.benchsuite.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instructions of a Dockerfile, enough of its syntax for the checks of {@link DockerfilesTest}:
 * comment lines, backslash continuations and both forms of ENV ({@code ENV K=V K2=V2} and {@code ENV K V}).
 */
record DockerfileInstructions(List<Instruction> instructions) {

    record Instruction(String keyword, String arguments) {}

    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|'[^']*'|\\S*)");

    static DockerfileInstructions parse(String text) {
        List<Instruction> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (pending.length() == 0 && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String whole = pending.toString().strip();
            pending.setLength(0);
            int space = whole.indexOf(' ');
            String keyword = space < 0 ? whole : whole.substring(0, space);
            String arguments = space < 0 ? "" : whole.substring(space + 1).strip();
            out.add(new Instruction(keyword.toUpperCase(Locale.ROOT), arguments));
        }
        if (pending.length() > 0) {
            throw new IllegalArgumentException("the last instruction ends with a continuation backslash");
        }
        return new DockerfileInstructions(List.copyOf(out));
    }

    List<String> arguments(String keyword) {
        return instructions.stream()
                .filter(i -> i.keyword().equals(keyword))
                .map(Instruction::arguments)
                .toList();
    }

    /** Every variable set by ENV, in order, quotes removed. */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String args : arguments("ENV")) {
            String[] legacy = args.split("\\s+", 2);
            if (!legacy[0].contains("=")) {
                env.put(legacy[0], legacy.length > 1 ? unquote(legacy[1]) : "");
                continue;
            }
            Matcher pair = ENV_PAIR.matcher(args);
            while (pair.find()) {
                env.put(pair.group(1), unquote(pair.group(2)));
            }
        }
        return env;
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2
                && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
