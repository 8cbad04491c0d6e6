/** The engine's single clock (REAL, SKIP, MANUAL) and scheduler/idle detection. */
package dev.waymark.states.clock;
