package io.benchsuite.datasets;

import io.benchsuite.config.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes prompt sets into a folder, each file replaced in one step so a reader never sees half a file. */
public final class DatasetFolder {

    private final Path folder;

    public DatasetFolder(Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new UsageException(
                    "Output '" + folder + "' is a file, not a folder; give a folder for the " + "prompt files");
        }
        this.folder = folder;
    }

    public Path write(PromptFile file) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(file.fileName());
        Path temp = folder.resolve(file.fileName() + ".tmp");
        Files.write(temp, PromptJson.write(file.prompts()).getBytes(StandardCharsets.UTF_8));
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
