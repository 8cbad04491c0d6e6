/** Shared Jackson helpers (mapper, exact decimals, AWS-style formatting). */
package dev.waymark.states.json;
