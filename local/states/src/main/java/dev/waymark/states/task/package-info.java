/**
 * Plug-in points for Task states: {@link dev.waymark.states.task.LambdaHandler} (in-process Lambda
 * functions) and {@link dev.waymark.states.task.ServiceIntegration} (optimized and aws-sdk
 * integrations such as DynamoDB).
 */
package dev.waymark.states.task;
