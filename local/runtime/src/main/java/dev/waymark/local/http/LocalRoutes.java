package dev.waymark.local.http;

import java.util.Optional;

/** Routes only the local runtime serves (under {@code /_local/}). */
public interface LocalRoutes {
  Optional<LocalResponse> handle(LocalHttpRequest request);
}
