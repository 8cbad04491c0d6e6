package dev.waymark.bench.scale;

/**
 * Unit prices in US East (N. Virginia), in dollars per unit; cited in docs/scaling.md ("Inputs").
 * Channel costs (SES, SNS) and storage are left out: they are the same whatever starts the runs.
 */
public record Prices(
    double standardTransition,
    double expressRequest,
    double expressGbSecond,
    double sqsRequest,
    double lambdaRequest,
    double lambdaGbSecond,
    double writeRequestUnit,
    double readRequestUnit) {

  public static Prices usEast1() {
    return new Prices(
        0.025 / 1_000, // Step Functions Standard: $0.025 per 1,000 state transitions
        1.00 / 1_000_000, // Express: $1.00 per million requests
        0.00001667, // Express duration, first tier: per GB-second
        0.40 / 1_000_000, // SQS standard queue: $0.40 per million requests
        0.20 / 1_000_000, // Lambda: $0.20 per million requests
        0.0000166667, // Lambda x86 duration: per GB-second
        0.625 / 1_000_000, // DynamoDB on-demand: $0.625 per million write request units
        0.125 / 1_000_000); // DynamoDB on-demand: $0.125 per million read request units
  }
}
