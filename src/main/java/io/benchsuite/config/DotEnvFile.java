package io.benchsuite.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code .env} file the way the original tool did: its settings came through pydantic-settings, which
 * reads the file with python-dotenv's {@code dotenv_values} (interpolation on). Hand-written because no
 * maintained Java reader follows that grammar (SmallRye's .env source keeps quotes and comments in values).
 *
 * <p>The grammar, as python-dotenv defines it (facts from its documentation and parser, checked against
 * python-dotenv 1.2 on every case of the tests):
 * <ul>
 * <li>A statement is {@code [export ]KEY[ = VALUE][ # comment]}; blank lines and whitespace between statements
 * are skipped; a line starting with {@code #} is a comment. A key is unquoted (no {@code =}, {@code #} or
 * white space) or single-quoted. Spaces may surround {@code =}.</li>
 * <li>A single-quoted value may span lines and knows the escapes {@code \\} and {@code \'}; a double-quoted
 * one also {@code \"}, {@code \a \b \f \n \r \t \v}. Any other backslash stays as it is.</li>
 * <li>An unquoted value runs to the end of the line; white space followed by {@code #} starts a comment, and
 * trailing white space is dropped ({@code a#b} keeps its {@code #}).</li>
 * <li>{@code KEY} without {@code =} has no value ({@code null}); {@code KEY=} is the empty string.</li>
 * <li>A statement that does not fit (say {@code "a" b}) is skipped whole, with its line reported.</li>
 * <li>Then every value, quoted or not, has {@code ${NAME}} and {@code ${NAME:-default}} replaced by the value of
 * {@code NAME}: a key defined earlier in the file, else the environment, else the default, else nothing.
 * {@code $NAME} without braces stays as written.</li>
 * <li>The file is UTF-8, read with universal newlines ({@code \r\n} and {@code \r} become {@code \n}).</li>
 * </ul>
 */
public final class DotEnvFile {

    /** Python's {@code \s} on text: the Unicode white space plus the four separators U+001C-U+001F. */
    private static final String SPACE = "\\s\\x1c-\\x1f";
    /** White space except a line break, python-dotenv's {@code [^\S\r\n]}. */
    private static final String BLANK = "[[" + SPACE + "]&&[^\\r\\n]]";

    private static final Pattern MULTILINE_WHITESPACE = compile("[" + SPACE + "]*");
    private static final Pattern EXPORT = compile("(?:export" + BLANK + "+)?");
    private static final Pattern SINGLE_QUOTED_KEY = compile("'([^']+)'");
    private static final Pattern UNQUOTED_KEY = compile("([^=#" + SPACE + "]+)");
    private static final Pattern WHITESPACE = compile(BLANK + "*");
    private static final Pattern EQUAL_SIGN = compile("=" + BLANK + "*");
    private static final Pattern SINGLE_QUOTED_VALUE = compile("'((?:\\\\'|[^'])*)'");
    private static final Pattern DOUBLE_QUOTED_VALUE = compile("\"((?:\\\\\"|[^\"])*)\"");
    private static final Pattern UNQUOTED_VALUE = compile("([^\\r\\n]*)");
    private static final Pattern COMMENT = compile("(?:" + BLANK + "*#[^\\r\\n]*)?");
    private static final Pattern END_OF_LINE = compile(BLANK + "*(?:\\r\\n|\\n|\\r|\\z)");
    private static final Pattern REST_OF_LINE = compile("[^\\r\\n]*(?:\\r|\\n|\\r\\n)?");
    private static final Pattern INLINE_COMMENT =
            Pattern.compile("[" + SPACE + "]+#.*", Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL);
    private static final Pattern DOUBLE_QUOTE_ESCAPE = compile("\\\\[\\\\'\"abfnrtv]");
    private static final Pattern SINGLE_QUOTE_ESCAPE = compile("\\\\[\\\\']");
    private static final Pattern VARIABLE = compile("\\$\\{([^}:]*)(?::-([^}]*))?\\}");

    /**
     * @param values     key to value in file order, a key given twice keeping its first place and last value;
     *                   {@code null} for a key without {@code =}
     * @param skippedLines 1-based line numbers of statements that could not be parsed and were skipped
     */
    public record Parsed(Map<String, String> values, List<Integer> skippedLines) {}

    private DotEnvFile() {}

    /**
     * Reads and parses a file.
     *
     * @param environment the variables {@code ${NAME}} falls back on (the process environment)
     * @throws IOException when the file cannot be read
     */
    public static Parsed read(Path file, Map<String, String> environment) throws IOException {
        return parse(
                Files.readString(file, StandardCharsets.UTF_8)
                        .replace("\r\n", "\n")
                        .replace('\r', '\n'),
                environment);
    }

    /** Parses the text of a .env file, then expands {@code ${NAME}} references (see the class comment). */
    public static Parsed parse(String text, Map<String, String> environment) {
        Map<String, String> raw = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        Reader reader = new Reader(text);
        while (reader.hasNext()) {
            int start = reader.position;
            try {
                reader.read(MULTILINE_WHITESPACE);
                if (!reader.hasNext()) {
                    break;
                }
                start = reader.position;
                reader.read(EXPORT);
                String key = key(reader);
                reader.read(WHITESPACE);
                String value = null;
                if (reader.peek() == '=') {
                    reader.read(EQUAL_SIGN);
                    value = value(reader);
                }
                reader.read(COMMENT);
                reader.read(END_OF_LINE);
                if (key != null) {
                    // The bindings are kept in order, duplicates included, since expansion walks them in order.
                    order.add(key);
                    raw.put(order.size() - 1 + "\u0000" + key, value);
                }
            } catch (NoMatch e) {
                skipped.add(lineOf(text, start));
                reader.position = start;
                reader.read(REST_OF_LINE);
            }
        }
        return new Parsed(expand(raw, environment), List.copyOf(skipped));
    }

    private static String key(Reader reader) {
        int next = reader.peek();
        if (next == '#') {
            return null;
        }
        return reader.read(next == '\'' ? SINGLE_QUOTED_KEY : UNQUOTED_KEY).group(1);
    }

    private static String value(Reader reader) {
        int next = reader.peek();
        if (next == '\'') {
            return unescape(
                    SINGLE_QUOTE_ESCAPE, reader.read(SINGLE_QUOTED_VALUE).group(1));
        }
        if (next == '"') {
            return unescape(
                    DOUBLE_QUOTE_ESCAPE, reader.read(DOUBLE_QUOTED_VALUE).group(1));
        }
        if (next == -1 || next == '\n' || next == '\r') {
            return "";
        }
        String part = reader.read(UNQUOTED_VALUE).group(1);
        return stripTrailingSpace(INLINE_COMMENT.matcher(part).replaceAll(""));
    }

    private static String unescape(Pattern escapes, String value) {
        return escapes.matcher(value)
                .replaceAll(m -> Matcher.quoteReplacement(decode(m.group().charAt(1))));
    }

    private static String decode(char escaped) {
        return switch (escaped) {
            case 'a' -> "\u0007";
            case 'b' -> "\b";
            case 'f' -> "\f";
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case 'v' -> "\u000b";
            default -> String.valueOf(escaped); // \\ \' \"
        };
    }

    /**
     * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in each value, in file order: a key defined earlier
     * in the file wins over the environment, as with {@code dotenv_values}.
     */
    private static Map<String, String> expand(Map<String, String> bindings, Map<String, String> environment) {
        Map<String, String> resolved = new LinkedHashMap<>();
        Map<String, String> scope = new HashMap<>(environment);
        for (Map.Entry<String, String> binding : bindings.entrySet()) {
            String key = binding.getKey().substring(binding.getKey().indexOf('\u0000') + 1);
            String value = binding.getValue() == null
                    ? null
                    : VARIABLE.matcher(binding.getValue()).replaceAll(m -> {
                        String fallback = m.group(2) == null ? "" : m.group(2);
                        String found = scope.containsKey(m.group(1)) ? scope.get(m.group(1)) : fallback;
                        return Matcher.quoteReplacement(found == null ? "" : found);
                    });
            resolved.put(key, value);
            scope.put(key, value);
        }
        return Collections.unmodifiableMap(resolved);
    }

    private static String stripTrailingSpace(String text) {
        int end = text.length();
        while (end > 0 && isPythonSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** Python's str.isspace for one UTF-16 unit (every white-space character is in the basic plane). */
    private static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    private static int lineOf(String text, int position) {
        int line = 1;
        for (int i = 0; i < position && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS);
    }

    /** A statement that does not fit the grammar. */
    private static final class NoMatch extends RuntimeException {
        NoMatch() {
            super(null, null, false, false);
        }
    }

    /** A cursor over the text that only moves by matching a pattern at its position. */
    private static final class Reader {
        private final String text;
        private int position;

        Reader(String text) {
            this.text = text;
        }

        boolean hasNext() {
            return position < text.length();
        }

        int peek() {
            return hasNext() ? text.charAt(position) : -1;
        }

        Matcher read(Pattern pattern) {
            Matcher m = pattern.matcher(text).region(position, text.length());
            m.useTransparentBounds(true).useAnchoringBounds(false);
            if (!m.lookingAt()) {
                throw new NoMatch();
            }
            position = m.end();
            return m;
        }
    }
}
