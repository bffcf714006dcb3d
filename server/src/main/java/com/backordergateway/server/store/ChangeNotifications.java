package com.backordergateway.server.store;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells this process what other replicas sharing the store committed: new or requeued deliveries
 * wake the dispatcher, new events and delivery changes wake {@code WatchEvents} subscribers.
 * PostgreSQL's triggers send a {@code NOTIFY} with each such commit (see the V1 migration); one
 * connection here listens. This process's own commits wake the feed directly.
 *
 * <p>Notifications are a shortcut, never the only way: the dispatcher still polls, and a lost
 * listener connection is opened again; meanwhile nothing is missed, only noticed later.
 */
@Singleton
public final class ChangeNotifications implements AutoCloseable {

  static final String DELIVERIES = "backorder_deliveries";
  static final String FEED = "backorder_feed";

  private static final Logger log = LoggerFactory.getLogger(ChangeNotifications.class);
  private static final int WAIT_MILLIS = 500;
  private static final long RECONNECT_MILLIS = 1_000;

  private final Database database;
  private final List<Runnable> feedListeners = new CopyOnWriteArrayList<>();
  private final DeliveryWakeups wakeups;
  private final Thread listener;
  private volatile boolean running = true;

  @Inject
  public ChangeNotifications(Database database, GroupCommitWriter writer, DeliveryWakeups wakeups) {
    this.database = database;
    this.wakeups = wakeups;
    writer.onCommit(this::feedChanged);
    if (database.dialect().shared()) {
      listener = new Thread(this::listen, "store-notifications");
      listener.setDaemon(true);
      listener.start();
    } else {
      listener = null;
    }
  }

  /** Runs {@code listener} after any commit that may have added events or delivery changes. */
  public void onFeedChange(Runnable listener) {
    feedListeners.add(listener);
  }

  private void feedChanged() {
    feedListeners.forEach(Runnable::run);
  }

  private void listen() {
    boolean lost = false;
    while (running) {
      try (Connection connection = connect(); Statement statement = connection.createStatement()) {
        statement.execute("LISTEN " + DELIVERIES);
        statement.execute("LISTEN " + FEED);
        if (lost) {
          log.info("listening for other replicas' changes again");
          lost = false;
        }
        wakeups.signal(); // whatever was committed while nobody listened
        feedChanged();
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] received = pg.getNotifications(WAIT_MILLIS);
          if (received != null) {
            dispatch(received);
          }
        }
      } catch (SQLException e) {
        if (!running) {
          return;
        }
        if (!lost) {
          log.warn("lost the connection that listens for other replicas' changes ({}); polling until it is back",
              e.getMessage());
          lost = true;
        }
        sleep();
      }
    }
  }

  private void dispatch(PGNotification[] received) {
    boolean deliveries = false;
    boolean feed = false;
    for (PGNotification n : received) {
      deliveries |= DELIVERIES.equals(n.getName());
      feed |= FEED.equals(n.getName());
    }
    if (deliveries) {
      wakeups.signal();
    }
    if (feed) {
      feedChanged();
    }
  }

  private Connection connect() throws SQLException {
    var storage = database.storage();
    Properties props = new Properties();
    if (storage.username() != null) {
      props.setProperty("user", storage.username());
    }
    if (storage.password() != null) {
      props.setProperty("password", storage.password());
    }
    props.setProperty("ApplicationName", "backorder-gateway-listener");
    props.setProperty("tcpKeepAlive", "true");
    Connection connection = DriverManager.getConnection(storage.url(), props);
    connection.setAutoCommit(true);
    return connection;
  }

  private void sleep() {
    try {
      Thread.sleep(RECONNECT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    if (listener != null) {
      listener.interrupt();
      try {
        listener.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
