package io.jbuild.registry.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Builds the {@link SSLContext} for each registry host as Docker does: trust the system store plus
 * every {@code *.crt} in {@code <certsDir>/<host[:port]>/} plus the explicit CA files; present the
 * client certificate {@code <name>.cert} with key {@code <name>.key} from that folder when present.
 * Contexts are built once per host. Hostname verification stays on (the HTTP client enables it).
 */
public final class RegistryTls {
  /** Docker's default certificate folder. */
  public static final Path DEFAULT_CERTS_DIR = Path.of("/etc/docker/certs.d");

  private final Path certsDir;
  private final List<Path> extraCas;
  private final Map<String, SSLContext> contexts = new ConcurrentHashMap<>();

  private RegistryTls(Path certsDir, List<Path> extraCas) {
    this.certsDir = certsDir;
    this.extraCas = List.copyOf(extraCas);
  }

  /**
   * @param certsDir the {@code certs.d} root ({@code null}: none)
   * @param extraCas PEM CA files trusted for every registry
   */
  public static RegistryTls of(Path certsDir, List<Path> extraCas) {
    return new RegistryTls(certsDir, Objects.requireNonNull(extraCas, "extraCas"));
  }

  /** The context for {@code hostPort} ({@code host} or {@code host:port}). */
  public SSLContext contextFor(String hostPort) throws IOException {
    SSLContext c = contexts.get(hostPort);
    if (c == null) {
      c = build(hostPort);
      contexts.putIfAbsent(hostPort, c);
    }
    return c;
  }

  private SSLContext build(String hostPort) throws IOException {
    if (hostPort.contains("/") || hostPort.contains("..") || hostPort.isEmpty()) {
      throw new IOException("invalid registry host: " + hostPort);
    }
    List<X509Certificate> cas = new ArrayList<>();
    for (Path ca : extraCas) {
      cas.addAll(readCertificates(ca));
    }
    Path dir = certsDir == null ? null : certsDir.resolve(hostPort);
    KeyManager[] keyManagers = null;
    if (dir != null && Files.isDirectory(dir)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.crt")) {
        for (Path f : files) {
          cas.addAll(readCertificates(f));
        }
      }
      keyManagers = clientKey(dir);
    }
    try {
      if (cas.isEmpty() && keyManagers == null) {
        return SSLContext.getDefault();
      }
      TrustManager[] trust = {trustManager(cas)};
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(keyManagers, trust, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IOException("setting up TLS for " + hostPort + ": " + e.getMessage(), e);
    }
  }

  private static KeyManager[] clientKey(Path dir) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.cert")) {
      for (Path cert : files) {
        String name = cert.getFileName().toString();
        Path key = dir.resolve(name.substring(0, name.length() - ".cert".length()) + ".key");
        if (!Files.exists(key)) {
          throw new IOException("client certificate " + cert + " has no matching key " + key.getFileName());
        }
        List<X509Certificate> chain = readCertificates(cert);
        PrivateKey pk = PemKeys.read(key);
        try {
          KeyStore ks = KeyStore.getInstance("PKCS12");
          ks.load(null, null);
          ks.setKeyEntry("client", pk, new char[0], chain.toArray(new Certificate[0]));
          KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
          kmf.init(ks, new char[0]);
          return kmf.getKeyManagers();
        } catch (GeneralSecurityException e) {
          throw new IOException("loading client certificate " + cert + ": " + e.getMessage(), e);
        }
      }
    }
    try (DirectoryStream<Path> keys = Files.newDirectoryStream(dir, "*.key")) {
      for (Path key : keys) {
        throw new IOException("client key " + key + " has no matching .cert file");
      }
    }
    return null;
  }

  /** Reads every PEM (or DER) certificate in {@code file}. */
  public static List<X509Certificate> readCertificates(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
      List<X509Certificate> out = new ArrayList<>();
      for (Certificate c : certs) {
        out.add((X509Certificate) c);
      }
      if (out.isEmpty()) {
        throw new IOException("reading certificates " + file + ": none found");
      }
      return out;
    } catch (CertificateException e) {
      throw new IOException("reading certificates " + file + ": " + e.getMessage(), e);
    }
  }

  private static X509ExtendedTrustManager trustManager(List<X509Certificate> extra)
      throws GeneralSecurityException, IOException {
    TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    system.init((KeyStore) null);
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    ks.load(null, null);
    int i = 0;
    for (X509Certificate c : extra) {
      ks.setCertificateEntry("ca-" + i++, c);
    }
    TrustManagerFactory custom = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    custom.init(ks);
    List<X509ExtendedTrustManager> all = new ArrayList<>();
    for (TrustManagerFactory f : List.of(custom, system)) {
      for (TrustManager tm : f.getTrustManagers()) {
        if (tm instanceof X509ExtendedTrustManager x) {
          all.add(x);
        }
      }
    }
    return new AnyOf(all);
  }

  /** Trusts a server chain when any delegate does; client auth is not used. */
  private static final class AnyOf extends X509ExtendedTrustManager {
    private final List<X509ExtendedTrustManager> delegates;

    AnyOf(List<X509ExtendedTrustManager> delegates) {
      this.delegates = delegates;
    }

    private interface Check {
      void run(X509ExtendedTrustManager tm) throws CertificateException;
    }

    private void any(Check check) throws CertificateException {
      CertificateException first = null;
      for (X509ExtendedTrustManager tm : delegates) {
        try {
          check.run(tm);
          return;
        } catch (CertificateException e) {
          if (first == null) {
            first = e;
          }
        }
      }
      throw first != null ? first : new CertificateException("no trust manager");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      any(tm -> tm.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      any(tm -> tm.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      any(tm -> tm.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      List<X509Certificate> out = new ArrayList<>();
      for (X509ExtendedTrustManager tm : delegates) {
        out.addAll(List.of(tm.getAcceptedIssuers()));
      }
      return out.toArray(new X509Certificate[0]);
    }
  }
}
