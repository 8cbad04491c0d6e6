package dev.waymark.core.access;

import java.util.Optional;

/** Write keys, stored only as SHA-256 hashes. */
public interface WriteKeyStore {
  /** The source a key hash belongs to, if the key is valid. */
  Optional<String> sourceOf(String keyHash);

  /** Stores a key hash for a source. */
  void store(String keyHash, String source);
}
