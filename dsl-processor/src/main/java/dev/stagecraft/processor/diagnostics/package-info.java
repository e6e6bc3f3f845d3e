/** The catalogue of messages with stable ids, their locations, reports and "did you mean". */
package dev.stagecraft.processor.diagnostics;
