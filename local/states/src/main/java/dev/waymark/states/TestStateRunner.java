package dev.waymark.states;

import dev.waymark.states.exec.EngineRuntime;

/** Runs the TestState API on the engine runtime. */
final class TestStateRunner {
    private final EngineRuntime runtime;
    private final String region;
    private final String accountId;

    TestStateRunner(EngineRuntime runtime, String region, String accountId) {
        this.runtime = runtime;
        this.region = region;
        this.accountId = accountId;
    }

    TestStateResult run(TestStateRequest request) {
        throw new StatesApiException("ValidationException", "TestState is not implemented yet");
    }
}
