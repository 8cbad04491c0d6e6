package dev.waymark.local.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The folder {@code ./waymark local --data <dir>} keeps its state in, so that it survives a stop or
 * a crash: DynamoDB Local's file ({@code dynamodb/}), the virtual clock ({@code clock.json}), the
 * write key ({@code write-key}), the outbox ({@code outbox.jsonl}), the stream position ({@code
 * stream-position.json}) and the local secrets ({@code secrets/}). One runtime at a time: the
 * folder is locked while open (the operating system releases the lock when the process dies, also
 * on SIGKILL). A folder that is not empty and was not made by Waymark is refused, so that {@code
 * --fresh} never empties a folder it did not create.
 */
public final class DataFolder implements AutoCloseable {
  static final String MARKER = "waymark-data";
  private static final String LOCK = "lock";

  private final Path root;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final LocalSecrets secrets;

  private DataFolder(Path root, FileChannel lockChannel, FileLock lock) {
    this.root = root;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.secrets = LocalSecrets.in(root);
  }

  /**
   * Opens (creating it if needed) and locks the data folder; with {@code fresh}, everything in it
   * is deleted first, so the runtime starts empty.
   */
  public static DataFolder open(Path root, boolean fresh) {
    Path dir = root.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
      if (!Files.exists(dir.resolve(MARKER)) && !isEmpty(dir)) {
        throw new IllegalStateException(
            dir + " is not empty and is not a Waymark data folder; choose another --data folder");
      }
      FileChannel channel =
          FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        throw new IllegalStateException(
            "another Waymark runtime is using "
                + dir
                + "; stop it or choose another --data folder");
      }
      if (fresh) {
        emptyExceptLock(dir);
      }
      replace(dir.resolve(MARKER), "Waymark local runtime data (./waymark local --data)\n");
      return new DataFolder(dir, channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the data folder " + dir, e);
    }
  }

  public Path root() {
    return root;
  }

  /** Where DynamoDB Local keeps the table. */
  public Path dynamo() {
    return root.resolve("dynamodb");
  }

  public Path clockFile() {
    return root.resolve("clock.json");
  }

  public Path outboxFile() {
    return root.resolve("outbox.jsonl");
  }

  public Path streamPositionFile() {
    return root.resolve("stream-position.json");
  }

  public LocalSecrets secrets() {
    return secrets;
  }

  /**
   * The write key kept in the folder if the table still accepts it, else a new one from {@code
   * issue}, kept for the next start.
   */
  public String writeKey(Predicate<String> accepted, Supplier<String> issue) {
    Path file = root.resolve("write-key");
    try {
      if (Files.exists(file)) {
        String kept = Files.readString(file).strip();
        if (accepted.test(kept)) {
          return kept;
        }
      }
      String key = issue.get();
      replace(file, key + "\n");
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the write key in " + file, e);
    }
  }

  /**
   * Replaces {@code file}'s content in one step (written beside it, then renamed over it): after a
   * crash the file holds the old content or the new, never half of one.
   */
  public static void replace(Path file, String content) {
    try {
      Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".new");
      try {
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        try {
          Files.move(
              temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Reads a file of the folder, if it exists. */
  public static Optional<String> read(Path file) {
    try {
      return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The lock, or null when another process (or this one) holds it. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void emptyExceptLock(Path dir) throws IOException {
    List<Path> doomed;
    try (Stream<Path> all = Files.walk(dir)) {
      doomed =
          all.filter(p -> !p.equals(dir) && !p.equals(dir.resolve(LOCK)))
              .sorted(Comparator.reverseOrder())
              .toList();
    }
    for (Path p : doomed) {
      Files.delete(p);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unlock " + root, e);
    }
  }
}
