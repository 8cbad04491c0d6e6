package dev.waymark.local.aws;

/** An answer of a local AWS service endpoint. */
record AwsResponse(int status, String contentType, String body) {
  static AwsResponse json(int status, String body) {
    return new AwsResponse(status, "application/json", body);
  }
}
