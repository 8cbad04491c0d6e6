package dev.waymark.states.conformance;

import dev.waymark.states.StatesEngine;

/** Simple local doubles for services some corpus cases call (registered as ServiceIntegrations). */
final class LocalDoubles {
    private LocalDoubles() {
    }

    static void register(StatesEngine.Builder b) {
        // none yet
    }
}
