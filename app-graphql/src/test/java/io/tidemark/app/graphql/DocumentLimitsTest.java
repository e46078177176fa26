package io.tidemark.app.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Document;
import graphql.parser.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

/**
 * The size of a document once its fragments are expanded, measured without expanding them: the
 * fragment explosion of issue 15 at every level, the limits at their edges, and, as a property,
 * agreement with a naive expansion (the oracle) on random documents with nested fragments.
 */
class DocumentLimitsTest {

    private static final DocumentLimits DEFAULTS = new DocumentLimits(8, 400);

    @Example
    void theFragmentExplosionIsMeasuredExactlyAtEveryLevelAndRefused() {
        for (int levels = 1; levels <= 60; levels++) {
            DocumentLimits.Cost cost = DocumentLimits.measure(parse(LimitDocuments.fragmentExplosion(levels)));
            long expected = Math.min(DocumentLimits.Cost.SATURATED, 2L << levels); // 2 fields, doubled per level
            assertThat(cost.fields()).as("fields at %d levels", levels).isEqualTo(expected);
            assertThat(cost.depth()).isEqualTo(2);
            if (levels >= 8) {
                assertThat(DEFAULTS.check(parse(LimitDocuments.fragmentExplosion(levels))))
                        .hasValueSatisfying(refusal -> assertThat(refusal.code()).isEqualTo("QUERY_TOO_COMPLEX"));
            }
        }
        assertThat(DEFAULTS.check(parse(LimitDocuments.fragmentExplosion(7)))).isEmpty(); // 256 fields
    }

    @Example
    void fieldsAreCountedPerOccurrenceUpToTheLimitAndNotOne() {
        assertThat(DEFAULTS.check(parse(LimitDocuments.aliases(400)))).isEmpty();
        assertThat(DEFAULTS.check(parse(LimitDocuments.aliases(401)))).hasValueSatisfying(refusal -> assertThat(refusal.message())
                .contains("401 fields").contains("400"));
        String twice = "fragment T on Query { " + LimitDocuments.aliases(200).substring(1) + " { ...T ...T }";
        assertThat(DocumentLimits.measure(parse(twice)).fields()).isEqualTo(400);
    }

    @Example
    void depthIsTheLongestChainOfFieldsAndFragmentsAddNone() {
        assertThat(DEFAULTS.check(parse(nested(8)))).isEmpty();
        assertThat(DEFAULTS.check(parse(nested(9)))).hasValueSatisfying(refusal -> assertThat(refusal.message())
                .contains("9 fields deep"));
        String throughFragments = "fragment A on T { a { ...B } } fragment B on T { b { c } } { x { ...A ... on T { y } } }";
        assertThat(DocumentLimits.measure(parse(throughFragments))).isEqualTo(new DocumentLimits.Cost(5, 4));
    }

    @Example
    void cyclesAndUnknownFragmentsCountAsNothingAndEnd() {
        String cycle = "fragment A on Query { a ...B } fragment B on Query { b ...A } { ...A ...Missing }";
        assertThat(DocumentLimits.measure(parse(cycle)).fields()).isEqualTo(2);
    }

    @Example
    void integersOutsideTheIntRangeAreRefusedWhereverTheyAre() {
        assertThat(DEFAULTS.check(parse("{ repositories(first: 2147483647) { totalCount } }"))).isEmpty();
        assertThat(DEFAULTS.check(parse("{ repositories(first: -2147483648) { totalCount } }"))).isEmpty();
        for (String document : List.of(
                "{ repositories(first: 2147483648) { totalCount } }",
                "{ repositories(first: -2147483649) { totalCount } }",
                "{ a(list: [1, 4294967301]) }",
                "{ a(object: {x: {y: 99999999999999999999}}) }",
                "query($f: Int = 2147483648) { a }",
                "fragment F on Query { a(n: 2147483648) } { ...F }",
                "{ ... on Query { a(n: 2147483648) } }")) {
            assertThat(DEFAULTS.check(parse(document))).as(document)
                    .hasValueSatisfying(refusal -> assertThat(refusal.code()).isEqualTo("GRAPHQL_VALIDATION_FAILED"));
        }
    }

    // --- the property: the memoised measure equals a naive expansion ------------------------

    /** A selection of a generated document: a field (with sub-selections), a spread or an inline fragment. */
    sealed interface Item permits FieldItem, Spread, Inline {}

    record FieldItem(List<Item> children) implements Item {}

    record Spread(int fragment) implements Item {}

    record Inline(List<Item> children) implements Item {}

    /** Fragment {@code i} may spread only fragments below {@code i}, so that expansion ends. */
    record Generated(List<List<Item>> fragments, List<Item> operation) {

        String render() {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < fragments.size(); i++) {
                text.append("fragment F").append(i).append(" on Query { ").append(render(fragments.get(i))).append(" }\n");
            }
            return text.append("{ ").append(render(operation)).append(" }").toString();
        }

        private String render(List<Item> items) {
            if (items.isEmpty()) {
                return "__typename";
            }
            return items.stream().map(item -> {
                if (item instanceof FieldItem field) {
                    return field.children().isEmpty() ? "f" : "f { " + render(field.children()) + " }";
                }
                if (item instanceof Spread spread) {
                    return "...F" + spread.fragment();
                }
                return "... on Query { " + render(((Inline) item).children()) + " }";
            }).collect(Collectors.joining(" "));
        }

        /** The oracle: expand every spread, count fields and depth of the expansion. */
        long[] naive(List<Item> items) {
            if (items.isEmpty()) {
                return new long[] {1, 1}; // __typename
            }
            long fields = 0;
            long depth = 0;
            for (Item item : items) {
                long[] cost;
                if (item instanceof FieldItem field) {
                    long[] below = field.children().isEmpty() ? new long[] {0, 0} : naive(field.children());
                    cost = new long[] {1 + below[0], 1 + below[1]};
                } else if (item instanceof Spread spread) {
                    cost = naive(fragments.get(spread.fragment()));
                } else {
                    cost = naive(((Inline) item).children());
                }
                fields += cost[0];
                depth = Math.max(depth, cost[1]);
            }
            return new long[] {fields, depth};
        }
    }

    @Property(tries = 300)
    void theMeasureEqualsANaiveExpansion(@ForAll("documents") Generated generated) {
        DocumentLimits.Cost cost = DocumentLimits.measure(parse(generated.render()));
        long[] expected = generated.naive(generated.operation());
        assertThat(cost.fields()).as(generated.render()).isEqualTo(expected[0]);
        assertThat(cost.depth()).as(generated.render()).isEqualTo((int) expected[1]);
    }

    @Provide
    Arbitrary<Generated> documents() {
        return Arbitraries.integers().between(0, 5).flatMap(count -> {
            List<Arbitrary<List<Item>>> fragments = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                fragments.add(items(i, 3));
            }
            Arbitrary<List<List<Item>>> all = fragments.isEmpty()
                    ? Arbitraries.just(List.of())
                    : Combinators.combine(fragments).as(list -> list);
            return Combinators.combine(all, items(count, 3)).as(Generated::new);
        });
    }

    /** Items that may spread fragments {@code 0 .. fragmentsBelow - 1}, nested at most {@code depth}. */
    private Arbitrary<List<Item>> items(int fragmentsBelow, int depth) {
        List<Arbitrary<? extends Item>> choices = new ArrayList<>();
        choices.add(Arbitraries.just(new FieldItem(List.of())));
        if (depth > 0) {
            choices.add(Arbitraries.lazy(() -> items(fragmentsBelow, depth - 1)).map(FieldItem::new));
            choices.add(Arbitraries.lazy(() -> items(fragmentsBelow, depth - 1)).map(Inline::new));
        }
        if (fragmentsBelow > 0) {
            choices.add(Arbitraries.integers().between(0, fragmentsBelow - 1).map(Spread::new));
        }
        @SuppressWarnings("unchecked")
        Arbitrary<Item> item = (Arbitrary<Item>) (Arbitrary<?>) Arbitraries.oneOf(choices);
        return item.list().ofMinSize(1).ofMaxSize(3);
    }

    // --- helpers ---------------------------------------------------------------------------

    private static Document parse(String document) {
        return Parser.parse(document);
    }

    private static String nested(int depth) {
        return "{ " + "f { ".repeat(depth - 1) + "g" + " }".repeat(depth - 1) + " }";
    }
}
