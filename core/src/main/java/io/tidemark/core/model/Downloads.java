package io.tidemark.core.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Downloads per day from GitHub's cumulative asset counters, seen on some days (the rules of
 * {@code docs/merge-rules.md}, "Release downloads").
 *
 * <ul>
 *   <li>The downloads of a seen day are the growth of the counters since the previous seen day,
 *       attributed to the later day, whatever the days between: growth over a gap of several days
 *       is all on the first day seen after it. A day not seen is absent; the first day seen is
 *       absent too (it is the baseline: nothing is known of before).
 *   <li>Per asset, by GitHub's asset id: an asset seen on both days adds its growth.
 *   <li>A new baseline, never a negative day: an asset whose counter went down adds nothing that
 *       day and counts from its new value on; an asset id not seen the previous day (a new upload,
 *       or a replacement: deleted and uploaded again under a new id) adds nothing on its first
 *       day, and counts from its first value on. So <b>the day of a replacement shows the growth
 *       of the release's other assets only</b> (0 when it has no other), and the replacing asset's
 *       downloads count from the day after. An asset no longer seen adds nothing.
 * </ul>
 */
public final class Downloads {

    private Downloads() {}

    /**
     * @param sightings one per day, oldest first
     * @return one entry per seen day but the first, oldest first, never negative
     */
    public static List<DailyCount> perDay(List<ReleaseHistory.Sighting> sightings) {
        List<DailyCount> perDay = new ArrayList<>(Math.max(0, sightings.size() - 1));
        Map<Long, Integer> before = null;
        for (ReleaseHistory.Sighting sighting : sightings) {
            Map<Long, Integer> now = new HashMap<>();
            long grown = 0;
            for (ReleaseAsset asset : sighting.assets()) {
                now.put(asset.id(), asset.downloadCount());
                Integer previous = before == null ? null : before.get(asset.id());
                if (previous != null && asset.downloadCount() >= previous) {
                    grown += asset.downloadCount() - previous;
                }
            }
            if (before != null) {
                perDay.add(new DailyCount(sighting.day(), grown));
            }
            before = now;
        }
        return List.copyOf(perDay);
    }
}
