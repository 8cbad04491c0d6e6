package dev.waymark.core.promo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a code list sent to {@code POST /v1/journeys/{id}/code-pools/{pool}/codes} and hands it to
 * the pools: {@code {"codes": ["WM-7Q2X", ...]}}, 1 to 1,000 codes a request, each 1 to 64 letters,
 * digits, dashes or underscores, none twice in the list. Every mistake is a 400 naming the field.
 */
public final class CodePoolImport {
  public static final int MAX_CODES = 1000;
  private static final Pattern POOL = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private final CodePools pools;

  public CodePoolImport(CodePools pools) {
    this.pools = pools;
  }

  /** A pool id from a URL: lower-case letters, digits and dashes, 1 to 64. */
  public static String checkPool(String pool) {
    if (pool == null || !POOL.matcher(pool).matches()) {
      throw ProblemException.invalidField("pool", "lower-case letters, digits and dashes, 1 to 64");
    }
    return pool;
  }

  public CodePools.Added importCodes(String journeyId, String pool, JsonNode body) {
    checkPool(pool);
    JsonNode codes = body == null ? null : body.get("codes");
    if (body == null || !body.isObject()) {
      throw ProblemException.invalidField("/", "an object {\"codes\": [\"CODE-1\", ...]}");
    }
    if (codes == null || !codes.isArray() || codes.isEmpty()) {
      throw ProblemException.invalidField("/codes", "a non-empty list of codes");
    }
    if (codes.size() > MAX_CODES) {
      throw ProblemException.invalidField(
          "/codes", "at most " + MAX_CODES + " codes a request, not " + codes.size());
    }
    List<FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<String> list = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      JsonNode code = codes.get(i);
      if (!code.isTextual() || !CODE.matcher(code.asText()).matches()) {
        errors.add(new FieldError("/codes/" + i, "1 to 64 letters, digits, dashes or underscores"));
      } else if (!seen.add(code.asText())) {
        errors.add(new FieldError("/codes/" + i, "the code is in the list twice"));
      } else {
        list.add(code.asText());
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid("invalid code list", errors));
    }
    return pools.add(journeyId, pool, list);
  }
}
