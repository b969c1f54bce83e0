package io.benchsuite.config;

/**
 * Bad input from the user: a setting, an argument or a file they named. The CLI prints the message as one
 * line and exits with code 2, so the message must name the problem and the fix.
 */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
