package org.latentcadx.cli.serve;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's Storage SCP: listens on a port and runs each association on its own thread, at most
 * {@code maxAssociations} at once (more are rejected as transient).
 */
final class StorageScp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StorageScp.class);

  private final ServerSocket server;
  private final AcceptancePolicy policy;
  private final Spool spool;
  private final StorageAssociation.Listener listener;
  private final Semaphore associations;
  private final int idleTimeoutMillis;
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "dicom-association");
    thread.setDaemon(true);
    return thread;
  });
  private final Thread acceptor;

  /**
   * Starts listening on {@code bindAddress:port} (port 0: any free port, see {@link #port}).
   *
   * @param idleTimeoutMillis an association silent this long is dropped
   */
  StorageScp(InetAddress bindAddress, int port, AcceptancePolicy policy, Spool spool, int maxAssociations,
      int idleTimeoutMillis, StorageAssociation.Listener listener) throws IOException {
    this.server = new ServerSocket(port, 50, bindAddress);
    this.policy = policy;
    this.spool = spool;
    this.listener = listener;
    this.associations = new Semaphore(maxAssociations);
    this.idleTimeoutMillis = idleTimeoutMillis;
    this.acceptor = new Thread(this::acceptLoop, "dicom-acceptor");
    acceptor.start();
  }

  /** The port listened on. */
  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
        socket.setSoTimeout(idleTimeoutMillis);
        socket.setTcpNoDelay(true);
      } catch (SocketException e) {
        return; // closed
      } catch (IOException e) {
        LOG.warn("cannot accept a connection: {}", e.toString());
        continue;
      }
      boolean admitted = associations.tryAcquire();
      threads.execute(() -> {
        try {
          new StorageAssociation(socket, policy, spool, admitted, listener).run();
        } finally {
          if (admitted) {
            associations.release();
          }
        }
      });
    }
  }

  /** Stops listening and waits up to 30 s for running associations to end. */
  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdown();
    try {
      if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("associations still running at shutdown; their unfinished transfers are discarded");
      }
      acceptor.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
