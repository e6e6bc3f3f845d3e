/** Renders a validated pipeline with JavaPoet and writes every file through one writer. */
package dev.stagecraft.processor.writing;
