package io.benchsuite.load;

import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.Outcome;
import io.benchsuite.record.RequestRecord;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the requests of a load run ended: successes, failures by error kind with the first message of each
 * kind (the client's own wording, which for a socket that could not be opened is Netty's "Failed to open a
 * socket", the "Too many open files" being its cause), and the tokens received.
 */
public record RequestTally(
        int succeeded, Map<ErrorKind, Integer> failedByKind, Map<ErrorKind, String> firstMessage, long tokens) {

    public RequestTally {
        failedByKind = Map.copyOf(failedByKind);
        firstMessage = Map.copyOf(firstMessage);
    }

    public static RequestTally of(Collection<RequestRecord> records) {
        int ok = 0;
        long tokens = 0;
        Map<ErrorKind, Integer> failed = new TreeMap<>();
        Map<ErrorKind, String> messages = new TreeMap<>();
        for (RequestRecord record : records) {
            tokens += record.chunkTokenSum();
            if (record.outcome() == Outcome.SUCCESS) {
                ok++;
            } else {
                failed.merge(record.errorKind(), 1, Integer::sum);
                messages.putIfAbsent(record.errorKind(), record.errorMessage());
            }
        }
        return new RequestTally(ok, failed, messages, tokens);
    }

    public int failed() {
        return failedByKind.values().stream().mapToInt(Integer::intValue).sum();
    }
}
