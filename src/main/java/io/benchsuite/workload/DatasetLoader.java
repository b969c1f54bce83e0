package io.benchsuite.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchsuite.config.UsageException;
import io.benchsuite.datasets.DatasetFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one prompt set from the dataset folder: {@code growing_prompts.json} for prompt length 0, else
 * {@code prompts_length_N.json}, each a JSON array of non-empty strings. Anything else is the user's to fix,
 * so every failure is a {@link UsageException} that names the file and the command that regenerates it.
 */
public final class DatasetLoader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetLoader() {
    }

    public static List<String> load(Path folder, int promptLength) {
        if (promptLength < 0) {
            throw new UsageException("Prompt length " + promptLength + " is negative; use 0 for the growing "
                    + "prompts or a length in tokens");
        }
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
            throw new UsageException("Dataset file '" + file + "' is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "); " + fix, e);
        } catch (IOException e) {
            throw new UsageException("Dataset file '" + file + "' cannot be read (" + e.getMessage() + "); " + fix,
                    e);
        }
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
