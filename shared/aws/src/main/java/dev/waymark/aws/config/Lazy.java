package dev.waymark.aws.config;

import java.util.function.Supplier;

/**
 * A part built on first use, once, then kept (thread-safe). A function builds at init only what
 * every request needs; parts some requests need (the event schema, the segment definitions) wait
 * for their first use, or for SnapStart's priming, which uses them before the snapshot.
 */
public final class Lazy<T> implements Supplier<T> {
  private Supplier<? extends T> build;
  private volatile T value;

  private Lazy(Supplier<? extends T> build) {
    this.build = build;
  }

  public static <T> Lazy<T> of(Supplier<? extends T> build) {
    return new Lazy<>(build);
  }

  @Override
  public T get() {
    T built = value;
    if (built == null) {
      synchronized (this) {
        built = value;
        if (built == null) {
          built = build.get();
          value = built;
          build = null;
        }
      }
    }
    return built;
  }

  /** Whether it has been built (for tests and diagnostics). */
  public boolean isBuilt() {
    return value != null;
  }
}
