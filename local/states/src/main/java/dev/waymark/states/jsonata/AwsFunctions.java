package dev.waymark.states.jsonata;

import com.dashjoin.jsonata.Jsonata;
import dev.waymark.states.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** The JSONata functions Step Functions adds: $partition, $range, $hash, $random, $uuid, $parse. */
final class AwsFunctions {
  private AwsFunctions() {}

  static void register(Jsonata.Frame frame, java.time.Instant now) {
    if (now != null) {
      frame.bind("millis", Jsonata.function("millis", () -> now.toEpochMilli(), "<:n>"));
      frame.bind("now", Jsonata.function("now", () -> Json.isoMillis(now), "<:s>"));
    }
    frame.bind("partition", Jsonata.function("partition", AwsFunctions::partition, "<an:a>"));
    frame.bind("range", Jsonata.function("range", AwsFunctions::range, "<nnn:a>"));
    frame.bind("hash", Jsonata.function("hash", AwsFunctions::hash, "<ss:s>"));
    frame.bind("random", Jsonata.function("random", AwsFunctions::random, "<n?:n>"));
    frame.bind("uuid", Jsonata.function("uuid", () -> UUID.randomUUID().toString(), "<:s>"));
    frame.bind("parse", Jsonata.function("parse", AwsFunctions::parse, "<s:x>"));
  }

  private static List<Object> partition(List<Object> in, Number size) {
    if (size.doubleValue() < 1) {
      throw new IllegalArgumentException(
          "$partition: the chunk size must be a non-zero, positive integer");
    }
    List<Object> out = new ArrayList<>();
    List<Object> cur = null;
    for (Object o : in) {
      if (cur == null || cur.size() == size.intValue()) {
        cur = new ArrayList<>();
        out.add(cur);
      }
      cur.add(o);
    }
    return out;
  }

  /** As States.ArrayRange: a non-zero step and at most 1000 items (else an error, not a hang). */
  private static Object range(Number start, Number end, Number step) {
    List<Object> out = new ArrayList<>();
    long s = step.longValue();
    if (s == 0) {
      throw new IllegalArgumentException("$range: the step must be a non-zero integer");
    }
    for (long v = start.longValue(); s > 0 ? v <= end.longValue() : v >= end.longValue(); v += s) {
      if (out.size() == 1000) {
        throw new IllegalArgumentException("$range: the array can't contain more than 1000 items");
      }
      out.add(v);
    }
    return out.size() == 1 ? out.get(0) : out;
  }

  private static String hash(String data, String alg) {
    try {
      byte[] h = MessageDigest.getInstance(alg).digest(data.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalArgumentException("Unsupported hash algorithm " + alg, e);
    }
  }

  private static Number random(Number seed) {
    return seed == null ? Math.random() : new Random(seed.longValue()).nextDouble();
  }

  private static Object parse(String text) {
    return JsonataEval.toJava(Json.parse(text));
  }
}
