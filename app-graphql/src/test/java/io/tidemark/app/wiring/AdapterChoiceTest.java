package io.tidemark.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules by which {@link Adapters} chooses adapters, and the message of each refusal. */
class AdapterChoiceTest {

    private final List<String> created = new ArrayList<>();

    private AdapterChoice.Candidate<String> bean(String name, String beanClass) {
        return new AdapterChoice.Candidate<>(name, beanClass, () -> {
            created.add(name);
            return "instance of " + name;
        });
    }

    private AdapterChoice<String> sources(List<AdapterChoice.Candidate<String>> present) {
        return new AdapterChoice<>("TrafficSource", "tidemark.sources", "TIDEMARK_SOURCES", present);
    }

    private AdapterChoice<String> githubAndFixture() {
        return sources(List.of(bean("github", "io.tidemark.github.GitHubTrafficSource"), bean("fixture", "a.Fixture")));
    }

    @Test
    void theBeansNamedAreChosenInTheOrderNamedAndOnlyTheyAreCreated() {
        AdapterChoice<String> choice = githubAndFixture();

        assertThat(choice.available()).containsExactly("fixture", "github");
        assertThat(created).as("learning the names creates no bean").isEmpty();
        assertThat(choice.choose(List.of("github"))).containsExactly(entry("github"));
        assertThat(created).containsExactly("github");
        assertThat(choice.choose(List.of("fixture", "github"))).containsExactly(entry("fixture"), entry("github"));
        assertThat(choice.chooseOne("fixture")).isEqualTo("instance of fixture");
    }

    private static Map.Entry<String, String> entry(String name) {
        return Map.entry(name, "instance of " + name);
    }

    @Test
    void anUnknownNameIsRefusedWithTheNamesThereAre() {
        assertThatThrownBy(() -> githubAndFixture().choose(List.of("github", "gitlab", "archive")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("tidemark.sources (TIDEMARK_SOURCES) names 'gitlab', 'archive', but no TrafficSource"
                        + " of that name is in this build; available: fixture, github")
                .satisfies(refusal -> assertThat(((ConfigurationException) refusal).getConfigKeys())
                        .containsExactly("tidemark.sources"));
        assertThat(created).as("nothing is created when the setting is refused").isEmpty();
    }

    @Test
    void aStoreNameIsCheckedTheSameWay() {
        AdapterChoice<String> stores = new AdapterChoice<>(
                "TrafficStore", "tidemark.store", "TIDEMARK_STORE", List.of(bean("jpa", "a.Jpa")));

        assertThat(stores.chooseOne("jpa")).isEqualTo("instance of jpa");
        assertThatThrownBy(() -> stores.chooseOne("jpa,memory"))
                .hasMessage("tidemark.store (TIDEMARK_STORE) names 'jpa,memory', but no TrafficStore of that name"
                        + " is in this build; available: jpa");
        assertThatThrownBy(() -> new AdapterChoice<String>("TrafficStore", "tidemark.store", "TIDEMARK_STORE", List.of())
                .chooseOne("jpa"))
                .hasMessage("tidemark.store (TIDEMARK_STORE) names 'jpa', but no TrafficStore of that name is in"
                        + " this build; available: none");
    }

    @Test
    void aNameGivenTwiceOrNoNameAtAllIsRefused() {
        assertThatThrownBy(() -> githubAndFixture().choose(List.of("github", "fixture", "github")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("tidemark.sources (TIDEMARK_SOURCES) names 'github' twice");
        assertThatThrownBy(() -> githubAndFixture().choose(List.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("tidemark.sources (TIDEMARK_SOURCES) names no TrafficSource; available: fixture, github");
    }

    @Test
    void aBeanWithoutANameOrTwoBeansOfOneNameAreRefusedWhateverTheSetting() {
        assertThatThrownBy(() -> sources(List.of(bean("github", "a.GitHub"), bean(null, "b.Unnamed"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("TrafficSource bean b.Unnamed has no name, so tidemark.sources cannot select it:"
                        + " annotate it with @Named(\"<name>\")");
        assertThatThrownBy(() -> sources(List.of(bean("github", "a.GitHub"), bean("github", "b.Mirror"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("TrafficSource beans a.GitHub and b.Mirror are both named 'github'; give each its own @Named");
    }
}
