package io.benchsuite.tls;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the X.509 certificates of a PEM text (a CA bundle such as ca.crt or ca-certificates.crt). Only the
 * {@code BEGIN/END CERTIFICATE} blocks count: bundles carry comments between them, and a private key or a
 * CSR given by mistake is reported as "no certificate" rather than half-read. Pure: text in, certificates out.
 */
public final class PemCertificates {

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*?)-----END CERTIFICATE-----");

    private PemCertificates() {}

    /**
     * @throws IllegalArgumentException with a short reason ("holds no PEM certificate", "certificate 2 is not
     *                                  valid X.509: ...") when the text is not a usable bundle
     */
    public static List<X509Certificate> parse(String pem) {
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
        }
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher block = BLOCK.matcher(pem);
        while (block.find()) {
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(block.group(1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("certificate " + (certificates.size() + 1) + " is not valid base64");
            }
            try {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            } catch (CertificateException e) {
                throw new IllegalArgumentException(
                        "certificate " + (certificates.size() + 1) + " is not valid X.509 (" + e.getMessage() + ")");
            }
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("it holds no PEM certificate (no -----BEGIN CERTIFICATE----- block)");
        }
        return List.copyOf(certificates);
    }
}
