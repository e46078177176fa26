package io.tidemark.core.model;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A release as seen: its tag (its identity within the repository), its title (null when it has
 * none), when it was published (null for a draft) and its assets, each at most once by id.
 */
public record Release(String tagName, String name, Instant publishedAt, List<ReleaseAsset> assets) {

    public Release {
        Checks.notBlank("tagName", tagName);
        assets = Checks.noNullElements("assets", assets);
        Set<Long> ids = new HashSet<>();
        for (ReleaseAsset asset : assets) {
            if (!ids.add(asset.id())) {
                throw new InvalidInputException("assets", "release " + tagName + " lists asset " + asset.id() + " twice");
            }
        }
    }

    /** Downloads of all its assets as seen: the sum of their cumulative counters. */
    public long downloadCount() {
        return assets.stream().mapToLong(ReleaseAsset::downloadCount).sum();
    }
}
