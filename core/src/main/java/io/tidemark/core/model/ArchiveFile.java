package io.tidemark.core.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One file to import: its name as the user gave it (a path inside a zip or a folder, with
 * {@code /} between folders; the layout names the format and often the repository) and its
 * content, a regular local file that may be read any number of times.
 */
public record ArchiveFile(String name, Path content) {

    public ArchiveFile {
        Checks.notBlank("name", name);
        Checks.notNull("content", content);
    }

    /** The last part of the name: {@code views.csv} of {@code octo/hello/traffic/views.csv}. */
    public String fileName() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }

    /** The folders of the name, outermost first (empty for a bare file name). */
    public List<String> folders() {
        String[] parts = name.split("/");
        List<String> folders = new ArrayList<>();
        for (int i = 0; i < parts.length - 1; i++) {
            if (!parts[i].isEmpty() && !parts[i].equals(".")) {
                folders.add(parts[i]);
            }
        }
        return List.copyOf(folders);
    }

    /** Whether the content exists as a regular file. */
    public boolean readable() {
        return Files.isRegularFile(content);
    }
}
