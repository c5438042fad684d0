package dev.samplinglab.engine.hub;

import dev.samplinglab.engine.BadInputException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A model repository id such as {@code HuggingFaceTB/SmolLM2-135M}, validated like {@code
 * huggingface_hub.utils.validate_repo_id}: an optional namespace and a name of letters, digits,
 * {@code - _ .}, at most 96 characters each, no {@code --} or {@code ..}.
 *
 * @param id the id as typed
 */
public record RepoId(String id) {
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.\\-]{1,96}");
    private static final String FOLDER_PREFIX = "models--";

    public RepoId {
        if (!isValid(id)) {
            throw new BadInputException(
                    "'%s' is not a repository id; expected ORGANISATION/NAME, e.g. HuggingFaceTB/SmolLM2-135M"
                            .formatted(id));
        }
    }

    /** Whether {@code text} is a valid id (with or without a namespace). */
    public static boolean isValid(String text) {
        if (text == null || text.contains("--") || text.contains("..")) {
            return false;
        }
        String[] parts = text.split("/", -1);
        if (parts.length > 2) {
            return false;
        }
        for (String p : parts) {
            if (!PART.matcher(p).matches()
                    || p.startsWith("-")
                    || p.startsWith(".")
                    || p.endsWith("-")
                    || p.endsWith(".")) {
                return false;
            }
        }
        return true;
    }

    /** The id parsed from a cache folder name ({@code models--org--name}), if it is one. */
    public static Optional<RepoId> fromFolderName(String folder) {
        if (!folder.startsWith(FOLDER_PREFIX)) {
            return Optional.empty();
        }
        String id = folder.substring(FOLDER_PREFIX.length()).replace("--", "/");
        return isValid(id) ? Optional.of(new RepoId(id)) : Optional.empty();
    }

    /** The cache folder name: {@code models--org--name}. */
    public String folderName() {
        return FOLDER_PREFIX + id.replace("/", "--");
    }

    @Override
    public String toString() {
        return id;
    }
}
