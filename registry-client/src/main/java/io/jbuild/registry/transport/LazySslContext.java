package io.jbuild.registry.transport;

import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The JDK's default {@link SSLContext}, initialised on first use rather than when an
 * {@link java.net.http.HttpClient} is built: initialising it reads the system trust store (about
 * 0.2 s per command), which a command talking only to a plain-HTTP registry never needs. A client
 * using it must be given {@link #clientParameters()} explicitly, since the client would otherwise
 * ask the context for its defaults at once. Once initialised it behaves exactly as the default
 * context: same engines, same protocols and cipher suites, same trust.
 */
final class LazySslContext extends SSLContext {
  private LazySslContext() {
    super(new Spi(), null, "Default");
  }

  /** A context that becomes {@link SSLContext#getDefault()} when first used. */
  static SSLContext ofDefault() {
    return new LazySslContext();
  }

  /**
   * Parameters for a client using this context: all defaults (no protocol or cipher-suite list, so
   * the engines keep the default context's own).
   */
  static SSLParameters clientParameters() {
    return new SSLParameters();
  }

  private static final class Spi extends SSLContextSpi {
    private SSLContext delegate;

    private synchronized SSLContext delegate() {
      if (delegate == null) {
        try {
          delegate = SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
          throw new IllegalStateException("initialising TLS: " + e.getMessage(), e);
        }
      }
      return delegate;
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
      throw new KeyManagementException("the default TLS context cannot be re-initialised");
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return delegate().getSocketFactory();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return delegate().getServerSocketFactory();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return delegate().createSSLEngine();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return delegate().createSSLEngine(host, port);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return delegate().getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return delegate().getClientSessionContext();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
      return delegate().getDefaultSSLParameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      return delegate().getSupportedSSLParameters();
    }
  }
}
