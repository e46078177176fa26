/**
 * Storage adapter: {@link io.tidemark.storage.PanacheTrafficStore} implements {@link
 * io.tidemark.core.port.out.TrafficStore} over Hibernate ORM with Panache, on embedded H2 or on
 * PostgreSQL. Entities and Panache repositories live in {@code io.tidemark.storage.persistence};
 * core never sees them.
 *
 * <p>The schema belongs to Flyway ({@code db/migration/common} for portable SQL, {@code
 * db/migration/h2} and {@code db/migration/postgresql} where the databases differ). This library
 * ships no configuration; the application sets:
 *
 * <pre>
 * quarkus.datasource.db-kind=h2 | postgresql                      (build time)
 * quarkus.flyway.locations=db/migration/common,db/migration/${quarkus.datasource.db-kind}
 * quarkus.flyway.migrate-at-start=true
 * quarkus.flyway.clean-disabled=true                              (kept history is never cleaned)
 * quarkus.hibernate-orm.schema-management.strategy=none           (Flyway owns the schema)
 * quarkus.hibernate-orm.jdbc.timezone=UTC
 * # PostgreSQL: batched upserts become multi-row statements, about twice the merge throughput
 * quarkus.datasource.jdbc.url=jdbc:postgresql://host:5432/db?reWriteBatchedInserts=true
 * </pre>
 */
package io.tidemark.storage;
