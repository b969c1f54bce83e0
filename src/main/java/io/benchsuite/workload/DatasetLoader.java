package io.benchsuite.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchsuite.config.SettingsCatalog;
import io.benchsuite.config.UsageException;
import io.benchsuite.datasets.DatasetFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads one prompt set: {@code growing_prompts.json} for prompt length 0, else {@code prompts_length_N.json},
 * each a JSON array of non-empty strings, from the dataset folder the user set or else from the copies built
 * into the tool (class-path resources under {@code datasets/}, made from the repository's {@code datasets/}
 * folder, so a binary copied to another host needs no files next to it). A folder's files are the user's to
 * fix, so every failure is a {@link UsageException} that names the file and the command that regenerates it.
 */
public final class DatasetLoader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetLoader() {}

    /** Where the built-in prompt sets are on the class path (registered for the native image too). */
    static final String BUILT_IN = "datasets/";
    /** The prompt lengths built into the tool, besides the growing set. */
    public static final List<Integer> BUILT_IN_LENGTHS = List.of(32, 1024, 4096);

    /**
     * @param folder the dataset folder the user set, or empty for the datasets built into the tool
     * @return the prompts, in file order
     */
    public static List<String> load(Optional<Path> folder, int promptLength) {
        return folder.isPresent() ? load(folder.get(), promptLength) : loadBuiltIn(promptLength);
    }

    /** One of the prompt sets built into the tool; a length that has none is a usage error saying what to do. */
    public static List<String> loadBuiltIn(int promptLength) {
        checkLength(promptLength);
        String name = DatasetFiles.fileName(promptLength);
        InputStream in = DatasetLoader.class.getClassLoader().getResourceAsStream(BUILT_IN + name);
        if (in == null) {
            throw new UsageException("No built-in dataset for prompt length " + promptLength + " (built in: "
                    + BUILT_IN_LENGTHS.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + " and the growing set); write one with 'bench-suite datasets --output my-datasets --lengths "
                    + promptLength + "' (list every input length the run uses) and set "
                    + SettingsCatalog.get("dataset-folder").spellings() + " to that folder");
        }
        try (in) {
            return prompts(JSON.readTree(in), "built-in " + name, "the tool's build is damaged; reinstall it");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in dataset " + name, e);
        }
    }

    private static void checkLength(int promptLength) {
        if (promptLength < 0) {
            throw new UsageException("Prompt length " + promptLength + " is negative; use 0 for the growing "
                    + "prompts or a length in tokens");
        }
    }

    public static List<String> load(Path folder, int promptLength) {
        checkLength(promptLength);
        if (!Files.isDirectory(folder)) {
            throw new UsageException("Dataset folder '" + folder + "' does not exist; generate it with "
                    + "'bench-suite datasets --output " + folder + "'");
        }
        Path file = folder.resolve(DatasetFiles.fileName(promptLength));
        String fix = regenerate(folder, promptLength);
        if (!Files.isRegularFile(file)) {
            throw new UsageException("Dataset file '" + file + "' not found; " + fix);
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new UsageException(
                    "Dataset file '" + file + "' is not valid JSON (line "
                            + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + "); " + fix,
                    e);
        } catch (IOException e) {
            throw new UsageException("Dataset file '" + file + "' cannot be read (" + e.getMessage() + "); " + fix, e);
        }
        return prompts(root, file.toString(), fix);
    }

    private static List<String> prompts(JsonNode root, String file, String fix) {
        if (root == null || !root.isArray()) {
            throw new UsageException("Dataset file '" + file + "' is not a JSON array of prompts; " + fix);
        }
        if (root.isEmpty()) {
            throw new UsageException("Dataset file '" + file + "' holds no prompts; " + fix);
        }
        List<String> prompts = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            JsonNode element = root.get(i);
            if (!element.isTextual() || element.textValue().isEmpty()) {
                throw new UsageException("Dataset file '" + file + "': element " + i + " is "
                        + (element.isTextual() ? "an empty string" : "not a string") + "; every element must be "
                        + "a prompt; " + fix);
            }
            prompts.add(element.textValue());
        }
        return List.copyOf(prompts);
    }

    private static String regenerate(Path folder, int promptLength) {
        String lengths = promptLength == DatasetFiles.GROWING ? "" : " --lengths " + promptLength;
        return "regenerate it with 'bench-suite datasets --output " + folder + lengths + "'";
    }
}
