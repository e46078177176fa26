/** : GitHub:TrafficSource over GitHub's REST traffic API. */
package io.tidemark.github;
