package io.benchsuite.client;

/** The server could not be reached or answered a set-up call wrongly: a run-time failure (exit 1). */
public class ServerUnavailableException extends RuntimeException {

    public ServerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
