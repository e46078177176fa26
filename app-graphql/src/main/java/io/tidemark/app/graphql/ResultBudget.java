package io.tidemark.app.graphql;

import io.tidemark.app.config.TidemarkConfig;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The most traffic buckets one request may return ({@code TIDEMARK_GRAPHQL_MAX_BUCKETS}). The
 * depth and complexity limits count fields in the document; they cannot see that {@code
 * repositories(first: 100) { nodes { views { buckets { ... } } } } } is 100 repositories times
 * their whole daily history. Without this limit one such request can take more memory than the
 * server has. Each series spends its bucket count when its {@code buckets} are selected (a
 * {@code count} alone is free); past the limit, {@code buckets} fail with {@code
 * RESULT_TOO_LARGE} and the client is told how to ask for less.
 */
@RequestScoped
class ResultBudget {

    private int max;
    private long spent;

    ResultBudget() {
        // for the client proxy
    }

    @Inject
    ResultBudget(TidemarkConfig config) {
        this.max = config.graphql().maxBuckets();
    }

    /** Takes {@code buckets} from this request's budget, or fails once the request would exceed it. */
    synchronized void spend(int buckets) {
        spent += buckets;
        if (spent > max) {
            throw new ApiError.ResultTooLarge("this request would return more than " + max
                    + " traffic buckets; ask for less: a shorter since/until range, per: WEEK,"
                    + " or fewer repositories (first, after)");
        }
    }
}
