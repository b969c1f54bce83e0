package io.benchsuite.tls;

import io.benchsuite.simulator.ServerTls;
import java.nio.file.Path;

/** The committed test-only PEM files (src/test/resources/tls, see its README for how they were made). */
public final class TestCertificates {

    public static final Path FOLDER = Path.of("src/test/resources/tls");
    /** The CA that signed {@link #SERVER} and {@link #WRONG_HOST}. */
    public static final Path CA = FOLDER.resolve("ca.pem");
    /** A self-signed CA that signed nothing used here: a wrong trust anchor. */
    public static final Path OTHER_CA = FOLDER.resolve("other-ca.pem");
    /** Valid for localhost and 127.0.0.1. */
    public static final ServerTls SERVER =
            new ServerTls(FOLDER.resolve("server.pem"), FOLDER.resolve("server-key.pem"));
    /** Signed by {@link #CA} but only for other.invalid, so a connection to 127.0.0.1 fails the host-name check. */
    public static final ServerTls WRONG_HOST =
            new ServerTls(FOLDER.resolve("wrong-host.pem"), FOLDER.resolve("wrong-host-key.pem"));

    private TestCertificates() {}
}
