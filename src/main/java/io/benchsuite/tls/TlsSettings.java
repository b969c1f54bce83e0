package io.benchsuite.tls;

import io.benchsuite.config.BenchSettings;
import io.benchsuite.config.SettingsCatalog;
import io.benchsuite.config.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The {@code ca-cert} and {@code insecure} settings, read once into the {@link TlsTrust} of a run. */
public final class TlsSettings {

    private static final Logger LOG = Logger.getLogger(TlsSettings.class);

    private TlsSettings() {}

    /**
     * Reads the CA file and logs the warning of an insecure run: call it once per run, after
     * {@link io.benchsuite.config.SettingsValidator#validate}, which rejects both settings given together.
     *
     * @throws UsageException naming the setting and the fix when the CA file is missing, unreadable or holds no
     *                        certificate
     */
    public static TlsTrust resolve(BenchSettings settings) {
        if (settings.insecure()) {
            LOG.warn("TLS certificate verification is OFF (insecure): the server's identity is not checked, so "
                    + "anyone on the network path can read or alter the traffic, API key included; use "
                    + SettingsCatalog.get("ca-cert").option() + " FILE instead where possible");
        }
        Optional<String> caCert = settings.caCert().map(String::strip).filter(path -> !path.isEmpty());
        if (settings.insecure()) {
            return TlsTrust.insecure();
        }
        return caCert.map(path -> TlsTrust.withAddedAnchors(PemFile.read(Path.of(path))))
                .orElse(TlsTrust.jdkDefault());
    }

    /** Reading the file, with every failure as a usage error naming the setting. */
    private static final class PemFile {
        static List<X509Certificate> read(Path file) {
            String fix = "; set " + SettingsCatalog.get("ca-cert").spellings() + " to a PEM file of CA certificates";
            String text;
            try {
                text = Files.readString(file, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new UsageException("Cannot read the ca-cert file '" + file + "' ("
                        + (Files.exists(file) ? e.getClass().getSimpleName() : "no such file") + ")" + fix);
            }
            try {
                return PemCertificates.parse(text);
            } catch (IllegalArgumentException e) {
                throw new UsageException("Invalid ca-cert file '" + file + "': " + e.getMessage() + fix);
            }
        }
    }
}
