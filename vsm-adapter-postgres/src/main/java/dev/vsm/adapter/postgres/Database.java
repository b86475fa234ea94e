package dev.vsm.adapter.postgres;

import dev.vsm.application.port.out.StateAccessException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Connections to one store, reused: a cycle's parallel agents each borrow their own, and an idle
 * one is kept for the next call instead of paying a new log-in. Every failure becomes a {@link
 * StateAccessException} that names the store (never its password) and what to check.
 */
final class Database implements AutoCloseable {

  /** Work done with a connection. */
  @FunctionalInterface
  interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  private static final int MAX_IDLE = 4;

  /**
   * The driver logs some failures itself through java.util.logging, which prints on stderr by
   * default; adapters never print, and every failure reaches the user through our messages. (Held
   * here: java.util.logging keeps loggers only weakly.)
   */
  static final Logger DRIVER_LOG = Logger.getLogger("org.postgresql");

  static {
    DRIVER_LOG.setLevel(Level.OFF);
  }

  private final StoreLocation location;
  private final Deque<Connection> idle = new ArrayDeque<>();

  /** The connection of the calling thread's {@link #joined} transaction, if any. */
  private final ThreadLocal<Connection> joined = new ThreadLocal<>();

  private boolean closed;

  Database(StoreLocation location) {
    this.location = location;
  }

  StoreLocation location() {
    return location;
  }

  /**
   * Runs {@code work} on a connection in auto-commit mode (within the calling thread's {@link
   * #joined} transaction if there is one).
   */
  <T> T run(Work<T> work) {
    if (joined.get() != null) {
      return inJoined(work);
    }
    Connection c = borrow();
    boolean healthy = false;
    try {
      T result = work.apply(c);
      healthy = true;
      return result;
    } catch (SQLException e) {
      healthy = !broken(e);
      throw failure(e);
    } finally {
      giveBack(c, healthy);
    }
  }

  /**
   * Runs {@code work} as one transaction: committed when it returns, rolled back when it throws.
   * Within the calling thread's {@link #joined} transaction it is part of that one.
   */
  <T> T transaction(Work<T> work) {
    if (joined.get() != null) {
      return inJoined(work);
    }
    Connection c = borrow();
    boolean healthy = false;
    try {
      c.setAutoCommit(false);
      try {
        T result = work.apply(c);
        c.commit();
        healthy = true;
        return result;
      } catch (SQLException | RuntimeException e) {
        rollback(c);
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      healthy = !broken(e);
      throw failure(e);
    } finally {
      giveBack(c, healthy);
    }
  }

  /**
   * A connection of its own for as long as the caller holds it (a session-level advisory lock lives
   * as long as its connection); {@link #release} gives it back.
   */
  Connection hold() {
    return borrow();
  }

  /** Gives back a connection {@link #hold} lent; a broken one is closed. */
  void release(Connection c, boolean healthy) {
    giveBack(c, healthy);
  }

  /**
   * Runs {@code prepare}, then {@code work}, as one transaction that everything the calling thread
   * does with this store meanwhile joins, so several port calls read and write as one.
   */
  <T> T joined(Work<?> prepare, java.util.function.Supplier<T> work) {
    if (joined.get() != null) {
      throw new IllegalStateException("already in a joined transaction");
    }
    return transaction(
        c -> {
          prepare.apply(c);
          joined.set(c);
          try {
            return work.get();
          } finally {
            joined.remove();
          }
        });
  }

  private <T> T inJoined(Work<T> work) {
    try {
      return work.apply(joined.get());
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // The connection is gone; the server has rolled the transaction back itself.
    }
  }

  private Connection borrow() {
    synchronized (idle) {
      if (closed) {
        throw new IllegalStateException("the store " + location + " is closed");
      }
      Connection c = idle.pollFirst();
      if (c != null) {
        return c;
      }
    }
    try {
      return DriverManager.getConnection(location.jdbcUrl(), location.properties());
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private void giveBack(Connection c, boolean healthy) {
    synchronized (idle) {
      if (healthy && !closed && idle.size() < MAX_IDLE) {
        idle.addFirst(c);
        return;
      }
    }
    closeQuietly(c);
  }

  /** A connection that failed this way cannot be used again. */
  private static boolean broken(SQLException e) {
    String state = e.getSQLState();
    return state == null || state.startsWith("08") || state.startsWith("57");
  }

  /** The exception the caller sees: the store, the server's reason, and what to check. */
  StateAccessException failure(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String reason = firstLine(e.getMessage());
    String hint;
    if (!location.hasPassword() && (state.equals("08004") || state.startsWith("28"))) {
      hint = "no password was found: give one in the URL, PGPASSWORD or ~/.pgpass";
    } else if (state.startsWith("08")) {
      hint = "is the server running and reachable? (vsm doctor checks)";
    } else if (state.equals("28P01") || state.equals("28000")) {
      hint = "check the user and password (in the URL, PGPASSWORD or ~/.pgpass)";
    } else if (state.equals("3D000")) {
      hint = "create the database first (createdb), then vsm creates its tables";
    } else if (state.equals("42501")) {
      hint = "the user lacks a privilege on the vsm schema; ask the database's owner";
    } else {
      hint = "SQL state " + state;
    }
    return new StateAccessException(
        "team store " + location + ": " + reason + " (" + hint + ")", e);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // Closing a dead connection: nothing left to release.
    }
  }

  @Override
  public void close() {
    synchronized (idle) {
      closed = true;
      for (Connection c : idle) {
        closeQuietly(c);
      }
      idle.clear();
    }
  }
}
