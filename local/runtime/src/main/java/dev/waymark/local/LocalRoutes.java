package dev.waymark.local;

import java.util.Optional;

/** Routes only the local runtime serves (under {@code /_local/}). */
interface LocalRoutes {
  Optional<LocalResponse> handle(LocalHttpRequest request);
}
