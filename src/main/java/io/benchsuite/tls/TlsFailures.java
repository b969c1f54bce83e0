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

    private TlsFailures() {
    }

    /** Empty when {@code failure} is not a certificate problem (refused connection, timeout, HTTP error...). */
    public static Optional<String> explain(Throwable failure) {
        boolean handshake = false;
        Throwable certificateProblem = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            handshake |= t instanceof SSLHandshakeException;
            if (t instanceof CertificateException || t instanceof CertPathBuilderException
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
                    + "connect with a name the certificate lists, or " + SettingsCatalog.get("insecure").option()
                    + " to skip verification");
        }
        return Optional.of("the server's TLS certificate is not trusted (" + rootMessage(certificateProblem) + "); "
                + fix);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
