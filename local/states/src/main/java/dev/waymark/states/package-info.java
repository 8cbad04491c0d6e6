/**
 * Local Amazon States Language executor: {@link dev.waymark.states.StatesEngine} is the facade that
 * wires the operation groups {@link dev.waymark.states.StateMachines} (state machines, versions,
 * aliases), {@link dev.waymark.states.Executions} (executions, history, Map runs) and {@link
 * dev.waymark.states.Tasks} (activities, task tokens), plus validation and TestState; time comes
 * from {@link dev.waymark.states.clock.EngineClock}; Lambda functions and service integrations plug
 * in through {@link dev.waymark.states.task}. See {@code docs/local-states.md}.
 */
package dev.waymark.states;
