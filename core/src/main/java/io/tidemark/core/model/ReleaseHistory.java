package io.tidemark.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A release as kept: as it was last seen, and its assets as seen on each UTC day its repository's
 * releases were fetched and listed it, oldest first.
 */
public record ReleaseHistory(Release latest, List<Sighting> sightings) {

    public ReleaseHistory {
        Checks.notNull("latest", latest);
        sightings = Checks.noNullElements("sightings", sightings);
        for (int i = 1; i < sightings.size(); i++) {
            if (!sightings.get(i - 1).day().isBefore(sightings.get(i).day())) {
                throw new InvalidInputException("sightings", "sightings must be one per day, oldest first");
            }
        }
    }

    /** The release's assets as seen on one day (the latest sighting of that day). */
    public record Sighting(LocalDate day, List<ReleaseAsset> assets) {
        public Sighting {
            Checks.notNull("day", day);
            assets = Checks.noNullElements("assets", assets);
        }
    }

    /** Downloads per day, see {@link Downloads#perDay}. */
    public List<DailyCount> downloadsPerDay() {
        return Downloads.perDay(sightings);
    }
}
