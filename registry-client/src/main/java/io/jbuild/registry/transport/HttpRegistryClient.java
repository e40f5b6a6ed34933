package io.jbuild.registry.transport;

import io.jbuild.oci.Descriptor;
import io.jbuild.oci.Digest;
import io.jbuild.oci.Platform;
import io.jbuild.registry.BlobSource;
import io.jbuild.registry.ContentSink;
import io.jbuild.registry.ImageReference;
import io.jbuild.registry.PulledImage;
import io.jbuild.registry.PushRequest;
import io.jbuild.registry.RegistryClient;
import io.jbuild.registry.RegistryException;
import io.jbuild.registry.RegistryOptions;
import io.jbuild.registry.TransferListener;
import io.jbuild.registry.auth.Credentials;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link RegistryClient} over the JDK's HTTP client: one {@link Caller} (with its auth state) per
 * registry host, shared by all operations and threads. Create through
 * {@link io.jbuild.registry.RegistryClients#create}.
 */
public final class HttpRegistryClient implements RegistryClient {
  private final RegistryOptions options;
  private final Connections connections;
  private final Map<String, Caller> callers = new ConcurrentHashMap<>();

  private HttpRegistryClient(RegistryOptions options) {
    this.options = options;
    this.connections = new Connections(options);
  }

  /** A client with {@code options}. */
  public static HttpRegistryClient create(RegistryOptions options) {
    return new HttpRegistryClient(Objects.requireNonNull(options, "options"));
  }

  private Caller caller(ImageReference ref) {
    return caller(ref.registry(), ref.domain());
  }

  private Caller caller(String registry, String credentialKey) {
    return callers.computeIfAbsent(registry, r -> new Caller(r, connections,
        new Authorizer(r, credentialKey, options.credentials(), connections)));
  }

  @Override
  public PulledImage resolve(ImageReference ref, Platform platform) throws RegistryException {
    try {
      return new Puller(caller(ref), options.parallelism(), options.timeout()).resolve(ref, platform).image();
    } catch (RegistryException e) {
      throw e.withContext("resolving " + ref.familiarString());
    }
  }

  @Override
  public Optional<Descriptor> headManifest(ImageReference ref) throws RegistryException {
    try {
      return caller(ref).call(Caller.pull(ref.repository()), new ManifestHead(ref.repository(),
          ref.manifestReference()));
    } catch (RegistryException e) {
      throw e.withContext("checking " + ref.familiarString());
    }
  }

  @Override
  public PulledImage pull(ImageReference ref, Platform platform, ContentSink sink, TransferListener listener)
      throws RegistryException {
    try {
      return new Puller(caller(ref), options.parallelism(), options.timeout()).pull(ref, platform, sink, listener);
    } catch (RegistryException e) {
      throw e.withContext("pulling " + ref.familiarString());
    }
  }

  private Pusher pusher(ImageReference ref) {
    return new Pusher(caller(ref), options.retry(), options.parallelism(), options.chunkSize());
  }

  @Override
  public void pushBlob(ImageReference repo, BlobSource blob, String mountFrom, TransferListener listener)
      throws RegistryException {
    try {
      pusher(repo).pushBlob(repo, blob, mountFrom, listener);
    } catch (RegistryException e) {
      throw e.withContext("pushing " + repo.familiarName());
    }
  }

  @Override
  public Digest pushManifest(ImageReference ref, String mediaType, byte[] manifest) throws RegistryException {
    try {
      return pusher(ref).pushManifest(ref, mediaType, manifest);
    } catch (RegistryException e) {
      throw e.withContext("pushing " + ref.familiarString());
    }
  }

  @Override
  public Digest push(ImageReference target, PushRequest image, TransferListener listener)
      throws RegistryException {
    try {
      return pusher(target).push(target, image, listener);
    } catch (RegistryException e) {
      throw e.withContext("pushing " + target.familiarString());
    }
  }

  @Override
  public void checkLogin(String registry, Credentials credentials) throws RegistryException {
    String host = registry.equals(ImageReference.DOCKER_HUB) || registry.equals("index.docker.io")
        ? ImageReference.DOCKER_HUB_API : registry;
    String key = host.equals(ImageReference.DOCKER_HUB_API) ? ImageReference.DOCKER_HUB : registry;
    Caller base = caller(host, key);
    Caller login = base.withAuthorizer(base.authorizer().withCredentials(credentials));
    try {
      login.call(java.util.List.of(), new Ping());
    } catch (RegistryException e) {
      throw e.withContext("logging in to " + registry);
    }
  }
}
