package dev.waymark.core.identity;

import java.util.Objects;

/** One identifier of a person: a namespace and a normalised value. */
public record Identity(IdentityNamespace namespace, String value) implements Comparable<Identity> {

  public Identity {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(value, "value");
  }

  public static Identity of(IdentityNamespace namespace, String rawValue) {
    return new Identity(namespace, namespace.normalise(rawValue));
  }

  /** The key part used in storage: {@code <namespace>#<value>}. */
  public String key() {
    return namespace.key() + "#" + value;
  }

  public static Identity fromKey(String key) {
    int hash = key.indexOf('#');
    IdentityNamespace ns =
        IdentityNamespace.fromKey(key.substring(0, hash))
            .orElseThrow(
                () -> new IllegalArgumentException("unknown identity namespace in " + key));
    return new Identity(ns, key.substring(hash + 1));
  }

  @Override
  public int compareTo(Identity other) {
    return key().compareTo(other.key());
  }
}
