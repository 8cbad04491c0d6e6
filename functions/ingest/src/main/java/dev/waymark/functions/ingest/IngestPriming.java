package dev.waymark.functions.ingest;

import dev.waymark.core.ingest.IngestService;
import dev.waymark.core.problem.ProblemException;

/**
 * The ingest path run at SnapStart priming without storing anything: a batch the schema refuses
 * (its event names no person) is parsed and validated, which loads and warms the JSON reader, the
 * schema and the problem answers a first request needs.
 */
final class IngestPriming {
  static final String REFUSED_BATCH =
      "{\"batch\":[{\"type\":\"track\",\"event\":\"SnapStart priming\",\"properties\":{}}]}";

  private IngestPriming() {}

  /** Validates {@link #REFUSED_BATCH}; fails if it were ever accepted (it would be stored). */
  static void refusedBatch(IngestService ingest) {
    refused(ingest, REFUSED_BATCH);
  }

  static void refused(IngestService ingest, String batch) {
    try {
      ingest.ingest(batch, "snapstart-priming");
    } catch (ProblemException expected) {
      return;
    }
    throw new IllegalStateException("the priming batch was accepted: it must be refused");
  }
}
