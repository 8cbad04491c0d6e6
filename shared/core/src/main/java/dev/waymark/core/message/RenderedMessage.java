package dev.waymark.core.message;

/** A message ready to deliver; fields a channel does not use are null. */
public record RenderedMessage(Channel channel, String subject, String html, String text) {}
