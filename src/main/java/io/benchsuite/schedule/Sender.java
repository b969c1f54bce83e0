package io.benchsuite.schedule;

import io.benchsuite.record.CompletionRequest;
import io.benchsuite.record.RequestRecord;
import java.util.concurrent.CompletableFuture;

/** Sends one request and completes with its record, never exceptionally (the streaming client's contract). */
@FunctionalInterface
public interface Sender {
    CompletableFuture<RequestRecord> send(CompletionRequest request);
}
