/** The Quarkus application: GraphQL API, scheduled sync, security and the wiring of core to the adapters. */
package io.tidemark.app;
