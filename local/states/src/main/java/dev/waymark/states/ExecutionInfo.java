package dev.waymark.states;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A snapshot of an execution (DescribeExecution). {@code output} is set when SUCCEEDED; {@code error}/{@code cause}
 * when FAILED, TIMED_OUT or ABORTED. {@code stateMachineVersionArn}/{@code stateMachineAliasArn} are set when the
 * execution was started on a version or an alias.
 */
public record ExecutionInfo(String executionArn, String stateMachineArn, String name, ExecutionStatus status,
                            Instant startDate, Instant stopDate, JsonNode input, JsonNode output, String error,
                            String cause, String stateMachineVersionArn, String stateMachineAliasArn,
                            String mapRunArn) {
}
