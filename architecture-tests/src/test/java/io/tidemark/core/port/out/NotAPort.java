package io.tidemark.core.port.out;

/** Test fixture: a class in the out-port package, where only interfaces belong. Must be refused. */
public class NotAPort {}
