package io.tidemark.app.wiring;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Chooses adapters by name among the beans of one port type present in the build: the rules
 * behind {@link Adapters}, free of CDI so that each refusal and its message can be tested alone.
 *
 * <p>Every refusal is a {@link ConfigurationException} whose message alone tells the operator
 * what to change; Quarkus prints such a message at start-up without a stack trace.
 *
 * @param <T> the port type
 */
final class AdapterChoice<T> {

    /**
     * One bean of the port type.
     *
     * @param name the bean's name ({@code @Named}), null if it has none
     * @param beanClass the bean's class, to name it in messages
     * @param instance gives the bean's instance; only called for the beans chosen
     */
    record Candidate<T>(String name, String beanClass, Supplier<T> instance) {

        Candidate {
            Objects.requireNonNull(beanClass, "beanClass");
            Objects.requireNonNull(instance, "instance");
        }
    }

    private final String port;
    private final String setting;
    private final String variable;
    private final Map<String, Candidate<T>> byName;

    /**
     * @param port the port's simple name, for messages ({@code TrafficSource})
     * @param setting the property that names the adapters ({@code tidemark.sources})
     * @param variable the same as an environment variable ({@code TIDEMARK_SOURCES})
     * @param present every bean of the port type in the build
     * @throws ConfigurationException if a bean has no name or two share one: neither could be
     *     chosen reliably, whatever the setting says
     */
    AdapterChoice(String port, String setting, String variable, List<Candidate<T>> present) {
        this.port = port;
        this.setting = setting;
        this.variable = variable;
        List<String> unnamed = new ArrayList<>();
        Map<String, List<String>> classesByName = new TreeMap<>();
        Map<String, Candidate<T>> named = new TreeMap<>();
        for (Candidate<T> candidate : present) {
            if (candidate.name() == null || candidate.name().isBlank()) {
                unnamed.add(candidate.beanClass());
            } else {
                classesByName.computeIfAbsent(candidate.name(), n -> new ArrayList<>()).add(candidate.beanClass());
                named.put(candidate.name(), candidate);
            }
        }
        if (!unnamed.isEmpty()) {
            throw refused(port + " bean " + String.join(", ", unnamed) + " has no name, so " + setting
                    + " cannot select it: annotate it with @Named(\"<name>\")");
        }
        for (Map.Entry<String, List<String>> entry : classesByName.entrySet()) {
            if (entry.getValue().size() > 1) {
                throw refused(port + " beans " + String.join(" and ", entry.getValue()) + " are both named '"
                        + entry.getKey() + "'; give each its own @Named");
            }
        }
        this.byName = named;
    }

    /** The names of the beans present, sorted. */
    Set<String> available() {
        return byName.keySet();
    }

    /**
     * The beans named, in the order named.
     *
     * @param names the setting's value, at least one name, each at most once
     * @throws ConfigurationException if the setting names no bean, a bean twice, or a name no bean
     *     of the port has (the message lists the names there are)
     */
    Map<String, T> choose(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw refused(setting + " (" + variable + ") names no " + port + "; available: " + availableText());
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw refused(setting + " (" + variable + ") names '" + name + "' twice");
            }
        }
        List<String> unknown = names.stream().filter(name -> !byName.containsKey(name)).collect(Collectors.toList());
        if (!unknown.isEmpty()) {
            throw refused(setting + " (" + variable + ") names "
                    + unknown.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "))
                    + ", but no " + port + " of that name is in this build; available: " + availableText());
        }
        Map<String, T> chosen = new LinkedHashMap<>();
        for (String name : names) {
            chosen.put(name, byName.get(name).instance().get());
        }
        return chosen;
    }

    /** The one bean named; see {@link #choose}. */
    T chooseOne(String name) {
        return choose(name == null ? List.of() : List.of(name)).values().iterator().next();
    }

    private String availableText() {
        return byName.isEmpty() ? "none" : String.join(", ", byName.keySet());
    }

    private ConfigurationException refused(String message) {
        return new ConfigurationException(message, Set.of(setting));
    }
}
