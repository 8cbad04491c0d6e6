package dev.waymark.bench.scale;

import java.util.LinkedHashMap;
import java.util.Map;

/** The billable units a simulated run used, and what they cost at given prices. */
public final class Bill {
  private double standardTransitions;
  private double expressRequests;
  private double expressGbSeconds;
  private double sqsRequests;
  private double lambdaRequests;
  private double lambdaGbSeconds;
  private double writeUnits;
  private double readUnits;

  public void standardTransitions(double n) {
    standardTransitions += n;
  }

  /** One Express execution of {@code seconds}, billed in 100 ms steps and 64 MB chunks. */
  public void expressExecution(double seconds, int memoryMb) {
    expressRequests += 1;
    double billedSeconds = Math.ceil(seconds * 10 - 1e-9) / 10;
    double billedGb = Math.ceil(memoryMb / 64.0) * 64 / 1024.0;
    expressGbSeconds += billedSeconds * billedGb;
  }

  public void sqsRequests(double n) {
    sqsRequests += n;
  }

  /** {@code n} Lambda invocations of {@code seconds} each at {@code memoryMb}. */
  public void lambda(double n, double seconds, int memoryMb) {
    lambdaRequests += n;
    lambdaGbSeconds += n * seconds * memoryMb / 1024.0;
  }

  public void writeUnits(double n) {
    writeUnits += n;
  }

  public void readUnits(double n) {
    readUnits += n;
  }

  public double standardTransitions() {
    return standardTransitions;
  }

  public double writeUnits() {
    return writeUnits;
  }

  /** Dollars per line item, in a fixed order. */
  public Map<String, Double> lines(Prices p) {
    Map<String, Double> lines = new LinkedHashMap<>();
    lines.put("Step Functions Standard", standardTransitions * p.standardTransition());
    lines.put(
        "Step Functions Express",
        expressRequests * p.expressRequest() + expressGbSeconds * p.expressGbSecond());
    lines.put("SQS", sqsRequests * p.sqsRequest());
    lines.put("Lambda", lambdaRequests * p.lambdaRequest() + lambdaGbSeconds * p.lambdaGbSecond());
    lines.put("DynamoDB", writeUnits * p.writeRequestUnit() + readUnits * p.readRequestUnit());
    return lines;
  }

  public double dollars(Prices p) {
    return lines(p).values().stream().mapToDouble(Double::doubleValue).sum();
  }
}
