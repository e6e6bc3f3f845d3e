/** The catalogue of errors and warnings with stable ids, their locations, and reports. */
package dev.stagecraft.processor.diagnostics;
