package dev.waymark.states;

/** GetActivityTask's answer: the token to answer with SendTask* and the task input (JSON text). */
public record ActivityTask(String taskToken, String input) {}
