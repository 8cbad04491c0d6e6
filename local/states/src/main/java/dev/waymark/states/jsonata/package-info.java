/**
 * JSONata-mode evaluation ({@code {% %}} templates, {@code $states}, variables, AWS-added
 * functions).
 */
package dev.waymark.states.jsonata;
