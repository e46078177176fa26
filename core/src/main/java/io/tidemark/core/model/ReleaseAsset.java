package io.tidemark.core.model;

/**
 * One asset of a release as seen: GitHub's asset id (a replaced asset, deleted and uploaded again
 * under the same name, has a new id), its file name and its cumulative download count.
 */
public record ReleaseAsset(long id, String name, int downloadCount) {

    public ReleaseAsset {
        if (id <= 0) {
            throw new InvalidInputException("id", "an asset id must be positive, was " + id);
        }
        Checks.notNull("name", name);
        Checks.notNegative("downloadCount", downloadCount);
    }
}
