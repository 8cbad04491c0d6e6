package dev.waymark.states;

/** The region and account an engine's ARNs name. */
record Account(String region, String id) {
  /** {@code arn:aws:states:<region>:<account>:<resource>} */
  String arn(String resource) {
    return "arn:aws:states:" + region + ":" + id + ":" + resource;
  }
}
