/**
 * Local Amazon States Language executor: {@link dev.waymark.states.StatesEngine} is the facade
 * (state machines, versions, aliases, executions, history, task tokens, validation, TestState);
 * time comes from {@link dev.waymark.states.clock.EngineClock}; Lambda functions and service
 * integrations plug in through {@link dev.waymark.states.task}. See {@code docs/local-states.md}.
 */
package dev.waymark.states;
