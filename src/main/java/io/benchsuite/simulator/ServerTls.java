package io.benchsuite.simulator;

import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The certificate and private key (PEM files) with which the simulator serves HTTPS instead of HTTP, so that
 * the benchmark's certificate handling can be tried without a real server.
 *
 * @param certificate the server certificate, optionally followed by its intermediate CAs
 * @param privateKey  its private key (PKCS#8 or PKCS#1)
 */
public record ServerTls(Path certificate, Path privateKey) {

    public ServerTls {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    HttpServerOptions applyTo(HttpServerOptions options) {
        return options.setSsl(true)
                .setKeyCertOptions(new PemKeyCertOptions()
                        .setCertPath(certificate.toString())
                        .setKeyPath(privateKey.toString()));
    }
}
