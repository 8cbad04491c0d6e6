package dev.waymark.core.message;

/** A template that cannot render: which one, which part, and why. */
public final class TemplateException extends RuntimeException {
  public TemplateException(MessageTemplate template, String part, String why) {
    super(
        (template.journeyId() == null
                ? "template " + template.name()
                : template.journeyId() + "/templates/" + template.name())
            + " ("
            + part
            + "): "
            + why);
  }
}
