/**
 * The interpreter: {@code ExecutionRunner} runs executions, {@code Interpreter} walks states,
 * {@code StateRunner} runs one state (events, assignment, error context) through a handler per
 * state type, {@code Io} does input/output processing in both query languages, {@code
 * ErrorHandling} applies Retry/Catch, {@code Fanout} runs Parallel branches and Map iterations,
 * {@code TaskCalls}/{@code TaskWaits} dispatch tasks and wait under timeouts, heartbeats and task
 * tokens. Every blocking wait goes through the engine clock.
 */
package dev.waymark.states.exec;
