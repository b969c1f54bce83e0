package io.benchsuite.tls;

import io.benchsuite.config.SettingsCatalog;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns a failed TLS handshake, as any of the HTTP clients reports it (nested several causes deep), into one
 * line that says what went wrong and which setting fixes it. Pure: it only reads the exception chain.
 */
public final class TlsFailures {

    private TlsFailures() {}

    /**
     * Netty's words when the first bytes the server sent back are no TLS record; followed by those bytes in
     * hex, "48545450" being "HTTP" (an HTTP server answering the TLS hello with a 400 page).
     */
    private static final String NOT_TLS = "not an SSL/TLS record";

    private static final String HTTP_HEX = "48545450";
    /** The JDK's SSLEngine's words for the same, without the bytes. */
    private static final String JDK_NOT_TLS = "Unsupported or unrecognized SSL message";

    /**
     * Empty when {@code failure} is not a TLS problem (refused connection, timeout, HTTP error...); else one
     * line: a server that speaks plain HTTP, a certificate that is not trusted or does not match its host
     * name, or another handshake failure with its cause.
     */
    public static Optional<String> explain(Throwable failure) {
        boolean handshake = false;
        Throwable certificateProblem = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains(NOT_TLS + ": " + HTTP_HEX)) {
                return Optional.of("the server speaks plain HTTP, not HTTPS; use http:// in "
                        + SettingsCatalog.get("base-url").option());
            }
            if (message.contains(NOT_TLS) || message.contains(JDK_NOT_TLS)) {
                return Optional.of("the server does not answer in TLS; if it serves plain HTTP, use http:// in "
                        + SettingsCatalog.get("base-url").option());
            }
            handshake |= t instanceof SSLHandshakeException;
            if (t instanceof CertificateException
                    || t instanceof CertPathBuilderException
                    || t instanceof CertPathValidatorException) {
                certificateProblem = certificateProblem == null ? t : certificateProblem;
            }
        }
        if (certificateProblem == null) {
            return handshake ? Optional.of("TLS handshake failed (" + rootMessage(failure) + ")") : Optional.empty();
        }
        String fix = "use " + SettingsCatalog.get("ca-cert").option() + " FILE with the CA that signed it, or "
                + SettingsCatalog.get("insecure").option() + " to skip verification";
        String detail = String.valueOf(certificateProblem.getMessage());
        if (detail.startsWith("No subject alternative") || detail.startsWith("No name matching")) {
            return Optional.of("the server's TLS certificate does not match its host name (" + detail + "); "
                    + "connect with a name the certificate lists, or "
                    + SettingsCatalog.get("insecure").option()
                    + " to skip verification");
        }
        return Optional.of(
                "the server's TLS certificate is not trusted (" + rootMessage(certificateProblem) + "); " + fix);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
