/**
 * Small named checks of a parsed pipeline (structure, stage attributes, resources, the
 * {@code @Parameters} record, parameters, the dependency graph, input types, fan-out), each
 * returning a report; all linear in the size of the pipeline.
 */
package dev.stagecraft.processor.validation;
