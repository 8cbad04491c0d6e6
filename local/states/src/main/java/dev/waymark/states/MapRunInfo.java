package dev.waymark.states;

import java.time.Instant;

/**
 * DescribeMapRun / ListMapRuns: one distributed Map run. {@code status} is RUNNING, SUCCEEDED,
 * FAILED or ABORTED; item counts cover the run's child workflows.
 */
public record MapRunInfo(
    String mapRunArn,
    String executionArn,
    String status,
    Instant startDate,
    Instant stopDate,
    int maxConcurrency,
    long toleratedFailureCount,
    double toleratedFailurePercentage,
    int itemsTotal,
    int itemsSucceeded,
    int itemsFailed) {}
