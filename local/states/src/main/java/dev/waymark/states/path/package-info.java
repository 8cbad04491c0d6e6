/**
 * JSONPath-mode data processing: paths (Jayway, as AWS), payload templates with {@code .$} keys,
 * intrinsics.
 */
package dev.waymark.states.path;
