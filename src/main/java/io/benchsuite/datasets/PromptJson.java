package io.benchsuite.datasets;

import java.util.List;

/**
 * Writes a prompt set in the seed's file format: a JSON array of strings, one per line, indented by four
 * spaces, every character outside printable ASCII escaped as {@code \\uXXXX} (lower-case hex, as Python's
 * {@code json.dump(..., indent=4)} writes it), '\n' line ends and a final newline. Written by hand rather
 * than through a JSON library so the bytes cannot change with a library version or the platform's line
 * separator.
 */
public final class PromptJson {

    private PromptJson() {}

    public static String write(List<String> prompts) {
        if (prompts.isEmpty()) {
            return "[]\n";
        }
        StringBuilder out =
                new StringBuilder(prompts.stream().mapToInt(String::length).sum() * 11 / 10 + 16);
        out.append("[\n");
        for (int i = 0; i < prompts.size(); i++) {
            out.append("    ");
            appendString(out, prompts.get(i));
            out.append(i + 1 < prompts.size() ? ",\n" : "\n");
        }
        return out.append("]\n").toString();
    }

    private static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c >= ' ' && c <= '~') {
                        out.append(c);
                    } else {
                        // UTF-16 code units, so characters beyond the BMP come out as surrogate pairs
                        out.append("\\u")
                                .append(Character.forDigit(c >> 12 & 0xF, 16))
                                .append(Character.forDigit(c >> 8 & 0xF, 16))
                                .append(Character.forDigit(c >> 4 & 0xF, 16))
                                .append(Character.forDigit(c & 0xF, 16));
                    }
                }
            }
        }
        out.append('"');
    }
}
