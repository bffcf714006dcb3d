package com.backordergateway.server;

import com.backordergateway.server.store.Database;
import com.backordergateway.server.store.StoreMigration;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backorder-server migrate}: copies a shop's SQLite store into an empty PostgreSQL store, the
 * step before running replicas on shared storage. The password is taken from a file or an
 * environment variable, never from the command line, where other users of the machine could see it.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = "Copies the data of a SQLite store into an empty PostgreSQL store.")
final class MigrateCommand implements Callable<Integer> {

  /** Exit code when the target already holds data or the copy failed: the target is unchanged. */
  static final int NOT_COPIED = 1;

  private static final String SQLITE = "jdbc:sqlite:";
  private static final String POSTGRESQL = "jdbc:postgresql:";

  @Spec CommandSpec spec;

  @Option(names = "--from", required = true, description = "The SQLite store, e.g. jdbc:sqlite:data/backorder.db.")
  String from;

  @Option(names = "--to", required = true, description = "The empty PostgreSQL store, e.g. jdbc:postgresql://host/db.")
  String to;

  @Option(names = "--to-user", description = "PostgreSQL user.")
  String toUser;

  @Option(names = "--to-password-file", description = "File holding the PostgreSQL password.")
  Path toPasswordFile;

  @Option(names = "--to-password-env", description = "Environment variable holding the PostgreSQL password.")
  String toPasswordEnv;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String password;
    try {
      checkUrls();
      password = password();
    } catch (IllegalArgumentException e) {
      err.println("migrate: " + e.getMessage());
      return Main.BAD_CONFIG;
    }
    try (Database source = Database.open(from, null, null);
        Database target = Database.open(to, toUser, password)) {
      Map<String, Long> copied = new StoreMigration(source, target).copy();
      long total = 0;
      for (Map.Entry<String, Long> table : copied.entrySet()) {
        out.printf("%-17s %d rows%n", table.getKey(), table.getValue());
        total += table.getValue();
      }
      out.printf("copied %d rows in %d tables%n", total, copied.size());
      return 0;
    } catch (StoreMigration.TargetNotEmptyException e) {
      err.println("migrate: " + e.getMessage() + "; nothing was copied");
      return NOT_COPIED;
    } catch (UncheckedIOException e) {
      err.println("migrate: " + e.getMessage() + ": " + e.getCause().getMessage());
      return Main.CANNOT_START;
    } catch (IllegalStateException e) {
      err.println("migrate: " + e.getMessage() + "; nothing was copied");
      return NOT_COPIED;
    }
  }

  private void checkUrls() {
    if (!from.startsWith(SQLITE)) {
      throw new IllegalArgumentException("--from must be a SQLite store (" + SQLITE + "...)");
    }
    if (!to.startsWith(POSTGRESQL)) {
      throw new IllegalArgumentException("--to must be a PostgreSQL store (" + POSTGRESQL + "//host/database)");
    }
    if (to.toLowerCase(Locale.ROOT).contains("password=")) {
      throw new IllegalArgumentException("--to must not hold a password; use --to-password-file or --to-password-env");
    }
    // Opening a missing file would create an empty store and copy nothing.
    String file = from.substring(SQLITE.length());
    if (!file.startsWith("file:") && !Files.isRegularFile(Path.of(file))) {
      throw new IllegalArgumentException("--from: no SQLite store at " + file);
    }
  }

  /** The target's password, or null when neither option is given (trust or peer authentication). */
  private String password() {
    if (toPasswordFile != null && toPasswordEnv != null) {
      throw new IllegalArgumentException("give --to-password-file or --to-password-env, not both");
    }
    if (toPasswordFile != null) {
      try {
        return Files.readString(toPasswordFile).strip();
      } catch (IOException e) {
        throw new IllegalArgumentException("--to-password-file: cannot read " + toPasswordFile);
      }
    }
    if (toPasswordEnv != null) {
      String password = System.getenv(toPasswordEnv);
      if (password == null) {
        throw new IllegalArgumentException("--to-password-env: environment variable " + toPasswordEnv + " is not set");
      }
      return password;
    }
    return null;
  }
}
