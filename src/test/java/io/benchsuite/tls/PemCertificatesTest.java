package io.benchsuite.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PemCertificatesTest {

    @Test
    void readsTheCertificateOfAPemFile() throws Exception {
        List<X509Certificate> certificates = PemCertificates.parse(Files.readString(TestCertificates.CA));
        assertEquals(1, certificates.size());
        assertEquals(
                "CN=bench-suite test CA",
                certificates.get(0).getSubjectX500Principal().getName());
    }

    @Test
    void readsEveryCertificateOfABundleWithCommentsBetweenThem() throws Exception {
        String bundle = "# Issuer: bench-suite test CA\n" + Files.readString(TestCertificates.CA)
                + "\n# Issuer: unrelated test CA\n" + Files.readString(TestCertificates.OTHER_CA);
        List<X509Certificate> certificates = PemCertificates.parse(bundle);
        assertEquals(
                List.of("CN=bench-suite test CA", "CN=unrelated test CA"),
                certificates.stream()
                        .map(c -> c.getSubjectX500Principal().getName())
                        .toList());
    }

    @Test
    void aPrivateKeyIsNotACertificate() throws Exception {
        String key = Files.readString(TestCertificates.SERVER.privateKey());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PemCertificates.parse(key));
        assertTrue(e.getMessage().contains("no PEM certificate"), e.getMessage());
    }

    @Test
    void aDamagedCertificateIsNamedByItsPosition() throws Exception {
        String good = Files.readString(TestCertificates.CA);
        String damaged = good.replaceFirst("(-----BEGIN CERTIFICATE-----\\s+)MII", "$1AAA");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PemCertificates.parse(good + damaged));
        assertTrue(e.getMessage().startsWith("certificate 2 is not valid"), e.getMessage());
    }

    @Test
    void emptyTextHoldsNoCertificate() {
        assertThrows(IllegalArgumentException.class, () -> PemCertificates.parse(""));
    }
}
