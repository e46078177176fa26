package io.tidemark.github;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkHeaderTest {

    @Test
    void findsTheNextPageAmongOthers() {
        String header = "<https://api.github.com/organizations/9919/repos?per_page=100&page=1>; rel=\"prev\", "
                + "<https://api.github.com/organizations/9919/repos?per_page=100&page=3>; rel=\"next\", "
                + "<https://api.github.com/organizations/9919/repos?per_page=100&page=5>; rel=\"last\"";

        assertThat(LinkHeader.next(header))
                .isEqualTo("https://api.github.com/organizations/9919/repos?per_page=100&page=3");
    }

    @Test
    void acceptsUnquotedAndMultipleRelations() {
        assertThat(LinkHeader.next("<https://x/a?page=2>; rel=next")).isEqualTo("https://x/a?page=2");
        assertThat(LinkHeader.next("<https://x/a?page=2>;rel=\"next last\"")).isEqualTo("https://x/a?page=2");
        assertThat(LinkHeader.next("<https://x/a?page=2>; title=\"a, b\"; REL=\"Next\"")).isEqualTo("https://x/a?page=2");
    }

    @Test
    void theLastPageHasNoNext() {
        assertThat(LinkHeader.next(null)).isNull();
        assertThat(LinkHeader.next("")).isNull();
        assertThat(LinkHeader.next("<https://x/a?page=1>; rel=\"prev\", <https://x/a?page=1>; rel=\"first\"")).isNull();
    }
}
