package io.tidemark.app;

import graphql.language.AstPrinter;
import graphql.language.Node;

/** A schema fragment as text, for comparing type references and default values. */
final class TypeText {

    private TypeText() {}

    static String of(Node<?> node) {
        return node == null ? "" : AstPrinter.printAst(node).replaceAll("\\s+", " ").strip();
    }
}
