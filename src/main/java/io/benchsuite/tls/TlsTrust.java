package io.benchsuite.tls;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.TrustOptions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which servers the HTTP clients trust over HTTPS, built once per run and applied to every client (the
 * streaming client, the set-up REST clients, the tokenize client, the metrics scraper) through one
 * {@code applyTo} per client library, so that no client can end up with a different policy.
 *
 * <p>Three policies: the JDK's default anchors (what a browser-like client trusts); those anchors plus the
 * certificates of a PEM file (a private CA, as in-cluster servers use); or no verification at all, neither of
 * the chain nor of the host name. Plain http URLs never look at any of this.
 */
public final class TlsTrust {

    /** The in-memory trust store's password: the REST client only accepts stores it can save and reload. */
    private static final String STORE_PASSWORD = "bench-suite";

    private static final TlsTrust JDK_DEFAULT = new TlsTrust(Policy.JDK_DEFAULT, List.of(), null, null);
    private static final TlsTrust INSECURE = new TlsTrust(Policy.INSECURE, List.of(), null, null);

    private enum Policy {
        JDK_DEFAULT,
        ADDED_ANCHORS,
        INSECURE
    }

    private final Policy policy;
    private final List<X509Certificate> addedAnchors;
    /** The JDK's anchors plus the added ones; null unless anchors were added. */
    private final KeyStore trustStore;
    /** The trust managers of the added anchors; null for the other policies, which the client libraries know. */
    private final TrustManager[] trustManagers;

    private TlsTrust(
            Policy policy, List<X509Certificate> addedAnchors, KeyStore trustStore, TrustManager[] trustManagers) {
        this.policy = policy;
        this.addedAnchors = addedAnchors;
        this.trustStore = trustStore;
        this.trustManagers = trustManagers;
    }

    /** The JDK's default trust anchors, with host-name verification. */
    public static TlsTrust jdkDefault() {
        return JDK_DEFAULT;
    }

    /** No verification of the certificate chain nor of the host name: anyone on the path can read the traffic. */
    public static TlsTrust insecure() {
        return INSECURE;
    }

    /**
     * The JDK's default anchors plus {@code anchors}, with host-name verification: adding a private CA must not
     * make the public ones untrusted (a proxy or a second server may use them).
     */
    public static TlsTrust withAddedAnchors(List<X509Certificate> anchors) {
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("no certificate to add");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (X509Certificate jdkAnchor : jdkDefaultAnchors()) {
                store.setCertificateEntry("jdk-" + index++, jdkAnchor);
            }
            index = 0;
            for (X509Certificate anchor : anchors) {
                store.setCertificateEntry("added-" + index++, anchor);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return new TlsTrust(Policy.ADDED_ANCHORS, List.copyOf(anchors), store, factory.getTrustManagers());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build a trust store: " + e.getMessage(), e);
        }
    }

    /** The certificates trusted on top of the JDK's, empty unless a CA file was given. */
    public List<X509Certificate> addedAnchors() {
        return addedAnchors;
    }

    /** For a Vert.x HTTP client; whether a request uses TLS still depends on its URL's scheme. */
    public HttpClientOptions applyTo(HttpClientOptions options) {
        return switch (policy) {
            case JDK_DEFAULT -> options.setVerifyHost(true);
            // The JDK's PKIX factory makes exactly one trust manager, an X509ExtendedTrustManager.
            case ADDED_ANCHORS -> options.setVerifyHost(true).setTrustOptions(TrustOptions.wrap(trustManagers[0]));
            case INSECURE -> options.setVerifyHost(false).setTrustAll(true);
        };
    }

    /** For a Quarkus REST client (a Vert.x client underneath, configured through its builder). */
    public QuarkusRestClientBuilder applyTo(QuarkusRestClientBuilder builder) {
        return switch (policy) {
            case JDK_DEFAULT -> builder.verifyHost(true);
            case ADDED_ANCHORS -> builder.verifyHost(true).trustStore(trustStore, STORE_PASSWORD);
            case INSECURE -> builder.verifyHost(false).trustAll(true);
        };
    }

    private static List<X509Certificate> jdkDefaultAnchors() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        List<X509Certificate> anchors = new ArrayList<>();
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                anchors.addAll(List.of(x509.getAcceptedIssuers()));
            }
        }
        return anchors;
    }

    @Override
    public String toString() {
        return switch (policy) {
            case JDK_DEFAULT -> "JDK default trust anchors";
            case ADDED_ANCHORS -> "JDK default trust anchors + " + addedAnchors.size() + " from --ca-cert";
            case INSECURE -> "no certificate verification (insecure)";
        };
    }
}
