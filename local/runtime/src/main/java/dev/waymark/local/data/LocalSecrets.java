package dev.waymark.local.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The local runtime's secrets: random bytes generated once per name and per data folder, kept in
 * {@code <data>/secrets/<name>.key} (Base64, owner-only permissions where the file system has
 * them), so that a link signed before a restart still verifies after it. There is no default value:
 * a secret that does not exist yet is drawn from {@link SecureRandom}. Without a data folder
 * ({@link #ephemeral()}, tests) the secrets live as long as the object.
 */
public final class LocalSecrets {
  /** The length of a generated secret, in bytes (256 bits). */
  public static final int LENGTH = 32;

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Optional<Path> folder;
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  private LocalSecrets(Optional<Path> folder) {
    this.folder = folder;
  }

  /** Secrets kept in {@code <dataFolder>/secrets/}, created when first asked for. */
  public static LocalSecrets in(Path dataFolder) {
    return new LocalSecrets(Optional.of(dataFolder.resolve("secrets")));
  }

  /** Secrets that live in memory only, new for every instance (tests without a data folder). */
  public static LocalSecrets ephemeral() {
    return new LocalSecrets(Optional.empty());
  }

  /**
   * The secret called {@code name} ({@code [a-z0-9][a-z0-9-]*}, e.g. {@code unsubscribe}): read
   * from the folder, or generated ({@value #LENGTH} random bytes) and stored there the first time.
   * Always the same bytes for the same name and folder. Returns a copy.
   */
  public byte[] bytes(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a secret's name is lower-case letters, digits and '-': " + name);
    }
    return cache.computeIfAbsent(name, this::load).clone();
  }

  /** {@link #bytes} as Base64 (for settings that take a string). */
  public String base64(String name) {
    return Base64.getEncoder().encodeToString(bytes(name));
  }

  private byte[] load(String name) {
    if (folder.isEmpty()) {
      return random();
    }
    Path file = folder.get().resolve(name + ".key");
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      byte[] secret = Base64.getDecoder().decode(Files.readString(file).strip());
      if (secret.length < 16) {
        throw new IllegalStateException(
            file + " holds fewer than 16 bytes; delete it to generate a new secret");
      }
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the local secret " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          file + " is not Base64; delete it to generate a new secret", e);
    }
  }

  /**
   * Writes a new secret to a temporary file, complete, then links it in place: a reader never sees
   * a half-written secret, and when two runtimes race on one folder the first writer wins.
   */
  private static void create(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), ".new-", ".key");
    try {
      ownerOnly(temp);
      Files.writeString(temp, Base64.getEncoder().encodeToString(random()) + "\n");
      try {
        Files.createLink(file, temp); // atomic, and refuses to replace a file already there
      } catch (UnsupportedOperationException e) {
        Files.move(temp, file); // no hard links here: not atomic, but never replaces either
      }
    } catch (FileAlreadyExistsException e) {
      // another runtime on the same folder wrote it first: use theirs
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void ownerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system (Windows): the folder's own permissions apply
    }
  }

  private static byte[] random() {
    byte[] bytes = new byte[LENGTH];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
