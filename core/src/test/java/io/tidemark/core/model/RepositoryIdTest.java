package io.tidemark.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RepositoryIdTest {

    @ParameterizedTest
    @CsvSource({"github,hubot", "a,b", "octo-cat,.github", "x1,my_repo-2.0", "UPPER,Mixed.Case"})
    void acceptsWhatGitHubAccepts(String owner, String name) {
        RepositoryId id = RepositoryId.of(owner, name);
        assertThat(id.nameWithOwner()).isEqualTo(owner + "/" + name);
    }

    @Test
    void acceptsTheLongestNames() {
        String owner = "a".repeat(39);
        String name = "b".repeat(100);
        assertThat(RepositoryId.of(owner, name).name()).hasSize(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-octo", "octo-", "oc--to", "oc_to", "oc.to", "oc to", "ö"})
    void rejectsOwnersGitHubRejects(String owner) {
        assertThatThrownBy(() -> RepositoryId.of(owner, "repo"))
                .isInstanceOf(InvalidRepositoryIdException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("owner"))
                .hasMessageContaining("owner");
    }

    @Test
    void rejectsTooLongNames() {
        assertThatThrownBy(() -> RepositoryId.of("a".repeat(40), "repo"))
                .isInstanceOf(InvalidRepositoryIdException.class)
                .hasMessage("owner must be at most 39 characters long");
        assertThatThrownBy(() -> RepositoryId.of("octo", "b".repeat(101)))
                .isInstanceOf(InvalidRepositoryIdException.class)
                .hasMessage("repository name must be at most 100 characters long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "a b", "répo", "a:b"})
    void rejectsNamesGitHubRejects(String name) {
        assertThatThrownBy(() -> RepositoryId.of("octo", name))
                .isInstanceOf(InvalidRepositoryIdException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("name"));
    }

    @Test
    void rejectsNulls() {
        assertThatThrownBy(() -> RepositoryId.of(null, "repo")).hasMessage("owner is required");
        assertThatThrownBy(() -> RepositoryId.of("octo", null)).hasMessage("repository name is required");
    }

    @Test
    void identityIgnoresCaseAndDisplayKeepsIt() {
        RepositoryId mixed = RepositoryId.of("GitHub", "Hubot");
        RepositoryId lower = RepositoryId.of("github", "hubot");
        assertThat(mixed).isEqualTo(lower).hasSameHashCodeAs(lower);
        assertThat(mixed.compareTo(lower)).isZero();
        assertThat(mixed.nameWithOwner()).isEqualTo("GitHub/Hubot");
        assertThat(mixed.key()).isEqualTo("github/hubot");
        assertThat(mixed).isNotEqualTo(RepositoryId.of("github", "hubot2"));
    }

    @Test
    void parsesNameWithOwner() {
        assertThat(RepositoryId.parse("octo/hello")).isEqualTo(RepositoryId.of("octo", "hello"));
        assertThatThrownBy(() -> RepositoryId.parse("octo")).isInstanceOf(InvalidRepositoryIdException.class);
        assertThatThrownBy(() -> RepositoryId.parse("a/b/c")).isInstanceOf(InvalidRepositoryIdException.class);
    }
}
