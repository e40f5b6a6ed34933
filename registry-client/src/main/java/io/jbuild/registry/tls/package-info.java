/**
 * TLS for registries the way Docker configures it: the system trust store, plus CA certificates from
 * {@code /etc/docker/certs.d/<host[:port]>/*.crt} and explicit {@code --registry-ca} files, plus a
 * client certificate ({@code *.cert} with its {@code *.key}) from the same folder for mutual TLS. PEM
 * keys (PKCS#8, PKCS#1 RSA, SEC1 EC) are read without third-party libraries.
 */
package io.jbuild.registry.tls;
