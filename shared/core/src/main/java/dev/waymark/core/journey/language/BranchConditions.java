package dev.waymark.core.journey.language;

import dev.waymark.core.journey.FieldFilter;
import dev.waymark.core.journey.FilterOp;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a branch's conditions: exactly one of {@code trait}, {@code entry}, {@code segment}, {@code
 * message}, each with its own fields and an optional {@code next}.
 */
final class BranchConditions {
  static final Pattern TRAIT = Pattern.compile("[A-Za-z0-9_$-]+(\\.[A-Za-z0-9_$-]+)*");

  private BranchConditions() {}

  private static final List<String> CONDITION_KINDS =
      List.of("trait", "entry", "segment", "message");

  static Optional<Step.Condition> read(StepReader reader, int index, String id, Cursor c) {
    if (!c.object()) {
      return Optional.empty();
    }
    List<String> kinds = CONDITION_KINDS.stream().filter(k -> c.node().has(k)).toList();
    if (kinds.size() != 1) {
      c.fail("must have exactly one of trait, entry, segment, message");
      return Optional.empty();
    }
    String kind = kinds.get(0);
    c.onlyFields(
        switch (kind) {
          case "segment" -> List.of("segment", "member", "next");
          case "message" -> List.of("message", "status", "next");
          default -> List.of(kind, "op", "value", "next");
        },
        "a " + kind + " condition");
    Optional<String> next = reader.ref(index, id, c.field("next"));
    return switch (kind) {
      case "trait" -> {
        Optional<String> trait = c.field("trait").text(TRAIT, "must be a trait name");
        if (trait.filter(t -> t.startsWith("traits.")).isPresent()) {
          c.field("trait").fail("is the trait's name, without traits.");
        }
        Optional<FilterOp> op = Filters.op(c.field("op"), c.field("value"));
        yield trait.isEmpty() || op.isEmpty()
            ? Optional.empty()
            : Optional.of(
                new Step.TraitCondition(trait.get(), op.get(), c.node().get("value"), next));
      }
      case "entry" -> {
        Optional<String> field =
            c.field("entry").text(Cursor.DOTTED, "must be a field of the entry event");
        Optional<FilterOp> op = Filters.op(c.field("op"), c.field("value"));
        yield field.isEmpty() || op.isEmpty()
            ? Optional.empty()
            : Optional.of(
                new Step.EntryCondition(
                    new FieldFilter(field.get(), op.get(), c.node().get("value")), next));
      }
      case "segment" -> {
        Optional<String> segment =
            c.field("segment").text(DefinitionReader.SEGMENT_ID, "must be a segment id");
        boolean member = c.field("member").bool().orElse(true);
        yield segment.map(s -> new Step.SegmentCondition(s, member, next));
      }
      default -> {
        Optional<String> send = c.field("message").text(Cursor.STEP_ID, "must be a send step id");
        send.ifPresent(
            s ->
                reader.messageRefs.add(
                    new StepReader.Ref(index, id, s, c.field("message"), false)));
        Optional<Step.Engagement> status = engagement(c.field("status"));
        yield send.isEmpty() || status.isEmpty()
            ? Optional.empty()
            : Optional.of(new Step.MessageCondition(send.get(), status.get(), next));
      }
    };
  }

  private static Optional<Step.Engagement> engagement(Cursor status) {
    Optional<String> text = status.requiredText();
    try {
      return text.map(Step.Engagement::valueOf);
    } catch (IllegalArgumentException e) {
      status.fail("must be delivered, opened or clicked");
      return Optional.empty();
    }
  }
}
