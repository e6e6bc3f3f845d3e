package dev.stagecraft.runtime.components.data;

import tech.tablesaw.api.Table;

/** A transformed table and how many of its cells the transformation changed. */
public record Transformed(Table table, long cellsChanged) {}
