package dev.waymark.states;

/** STANDARD (long-running, full history) or EXPRESS (short, synchronous execution available). */
public enum StateMachineType {
  STANDARD,
  EXPRESS
}
