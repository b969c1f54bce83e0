package io.benchsuite.client;

import io.benchsuite.config.UsageException;

/**
 * The server answered 401 or 403 to a set-up call or a first request: it refused the API key (or wanted one
 * and got none). A usage error, exit status 2, since the fix is a setting. Thrown where the answer is read,
 * which does not know where the key came from; {@link #withOrigin} adds that (see
 * {@code ApiKeys.describeOrigin}).
 */
public final class KeyRefusedException extends UsageException {

    private final String call;
    private final int status;

    /**
     * @param call   what was asked, e.g. "GET http://host:8000/v1/models"
     * @param status 401 or 403
     */
    public KeyRefusedException(String call, int status) {
        super(call + " answered HTTP " + status + ": the server refused the API key");
        this.call = call;
        this.status = status;
    }

    /** True for the statuses that mean the credentials were refused: 401 Unauthorized, 403 Forbidden. */
    public static boolean refusesKey(int status) {
        return status == 401 || status == 403;
    }

    public int status() {
        return status;
    }

    /**
     * The same refusal as one line that says where the key came from and how to set it.
     *
     * @param origin from {@code ApiKeys.describeOrigin}, e.g. "the key in the environment variable BENCH_API_KEY"
     *               or "no key (none is set)"
     * @param howToSet from {@code ApiKeys.howToSet}
     */
    public UsageException withOrigin(String origin, String howToSet) {
        return new UsageException(
                call + " answered HTTP " + status + ": the server refused " + origin + "; " + howToSet);
    }
}
