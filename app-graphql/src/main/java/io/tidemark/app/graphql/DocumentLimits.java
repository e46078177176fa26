package io.tidemark.app.graphql;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a parsed GraphQL document would cost once its fragment spreads are expanded, measured
 * without expanding them: the number of fields it selects and its depth, each fragment measured
 * once (memoised), so the work grows with the document's length and never with its expansion. A
 * document of 23 fragments that each spread the previous one twice selects 2<sup>22</sup> fields
 * but is measured in 23 steps.
 *
 * <ul>
 *   <li><b>Fields</b>: every field the document selects, counted once per place it appears after
 *       expansion (a fragment spread twice counts twice), introspection fields and
 *       {@code __typename} included. This is what graphql-java's complexity limit counts.
 *   <li><b>Depth</b>: the longest chain of nested fields; a top-level field is at depth 1.
 *       Fragments and inline fragments add no depth of their own.
 * </ul>
 *
 * Every operation of the document is measured, not only the one a request names. A spread of an
 * unknown fragment, or a cycle of spreads, counts as nothing: validation refuses those documents
 * anyway. Integer literals outside GraphQL's {@code Int} (32-bit) range are reported too, since
 * SmallRye GraphQL would otherwise wrap them around.
 */
final class DocumentLimits {

    /** Why a document is refused, and the code its error carries. */
    record Refusal(String code, String message) {}

    private final int maxDepth;
    private final int maxFields;

    DocumentLimits(int maxDepth, int maxFields) {
        this.maxDepth = maxDepth;
        this.maxFields = maxFields;
    }

    int maxDepth() {
        return maxDepth;
    }

    int maxFields() {
        return maxFields;
    }

    /** The first reason to refuse the document, or empty when it is within every limit. */
    Optional<Refusal> check(Document document) {
        Cost cost = measure(document);
        if (cost.depth() > maxDepth) {
            return Optional.of(new Refusal(ErrorCodes.TOO_COMPLEX, "the query is " + cost.depth()
                    + " fields deep, more than the maximum depth of " + maxDepth));
        }
        if (cost.fields() > maxFields) {
            String fields = cost.fields() >= Cost.SATURATED ? "more than " + Cost.SATURATED : Long.toString(cost.fields());
            return Optional.of(new Refusal(ErrorCodes.TOO_COMPLEX, "the query selects " + fields
                    + " fields once its fragments are expanded, more than the maximum complexity of " + maxFields));
        }
        return outOfRangeInteger(document).map(literal -> new Refusal(ErrorCodes.VALIDATION_FAILED,
                literal + " is not a valid Int: GraphQL's Int is a 32-bit signed integer"));
    }

    /** Fields selected and depth of the whole document, all operations together. */
    static Cost measure(Document document) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof FragmentDefinition fragment) {
                fragments.putIfAbsent(fragment.getName(), fragment);
            }
        }
        Measurer measurer = new Measurer(fragments);
        Cost total = Cost.NONE;
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                total = total.beside(measurer.of(operation.getSelectionSet()));
            }
        }
        return total;
    }

    /**
     * Fields and depth, saturating at {@link #SATURATED} fields so that no expansion can overflow.
     */
    record Cost(long fields, int depth) {
        static final long SATURATED = 1L << 40;
        static final Cost NONE = new Cost(0, 0);

        Cost beside(Cost other) {
            return new Cost(Math.min(SATURATED, fields + other.fields), Math.max(depth, other.depth));
        }

        Cost under(Cost selections) {
            return new Cost(Math.min(SATURATED, 1 + selections.fields), 1 + selections.depth);
        }
    }

    private static final class Measurer {
        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Cost> measured = new HashMap<>();

        Measurer(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        Cost of(SelectionSet selectionSet) {
            if (selectionSet == null) {
                return Cost.NONE;
            }
            Cost cost = Cost.NONE;
            for (Selection<?> selection : selectionSet.getSelections()) {
                cost = cost.beside(of(selection));
            }
            return cost;
        }

        private Cost of(Selection<?> selection) {
            if (selection instanceof Field field) {
                return Cost.NONE.under(of(field.getSelectionSet()));
            }
            if (selection instanceof InlineFragment inline) {
                return of(inline.getSelectionSet());
            }
            if (selection instanceof FragmentSpread spread) {
                return ofFragment(spread.getName());
            }
            return Cost.NONE;
        }

        private Cost ofFragment(String name) {
            Cost known = measured.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition fragment = fragments.get(name);
            if (fragment == null) {
                return Cost.NONE;
            }
            measured.put(name, Cost.NONE); // a cycle back to this fragment counts as nothing
            Cost cost = of(fragment.getSelectionSet());
            measured.put(name, cost);
            return cost;
        }
    }

    /** The first integer literal of the document outside the 32-bit range, as written. */
    static Optional<String> outOfRangeInteger(Document document) {
        for (Definition<?> definition : document.getDefinitions()) {
            Optional<String> found = Optional.empty();
            if (definition instanceof OperationDefinition operation) {
                for (VariableDefinition variable : operation.getVariableDefinitions()) {
                    found = found.or(() -> outOfRange(variable.getDefaultValue()));
                }
                found = found.or(() -> outOfRange(operation.getSelectionSet()));
            } else if (definition instanceof FragmentDefinition fragment) {
                found = outOfRange(fragment.getSelectionSet());
            }
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> outOfRange(SelectionSet selectionSet) {
        if (selectionSet == null) {
            return Optional.empty();
        }
        for (Selection<?> selection : selectionSet.getSelections()) {
            Optional<String> found = Optional.empty();
            if (selection instanceof Field field) {
                found = outOfRange(field.getArguments()).or(() -> outOfRange(field.getSelectionSet()));
            } else if (selection instanceof InlineFragment inline) {
                found = outOfRange(inline.getSelectionSet());
            }
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> outOfRange(List<Argument> arguments) {
        for (Argument argument : arguments) {
            Optional<String> found = outOfRange(argument.getValue());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    private static Optional<String> outOfRange(Value<?> value) {
        if (value instanceof IntValue integer) {
            BigInteger number = integer.getValue();
            return number.compareTo(INT_MIN) < 0 || number.compareTo(INT_MAX) > 0
                    ? Optional.of(number.toString())
                    : Optional.empty();
        }
        if (value instanceof ArrayValue array) {
            for (Value<?> element : array.getValues()) {
                Optional<String> found = outOfRange(element);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (value instanceof ObjectValue object) {
            for (ObjectField field : object.getObjectFields()) {
                Optional<String> found = outOfRange(field.getValue());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
