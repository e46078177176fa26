/** : Storage:TrafficStore over Hibernate ORM with Panache (H2 embedded, PostgreSQL). */
package io.tidemark.storage;
