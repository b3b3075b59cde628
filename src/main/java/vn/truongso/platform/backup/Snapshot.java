package vn.truongso.platform.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the whole database as one ZIP: each table in PostgreSQL's COPY text format (readable by
 * any PostgreSQL and by a person, and compact once deflated) and a manifest with the tables' row
 * counts and SHA-256. Everything is read in one serializable read-only transaction, so the file is
 * a single moment of the database even while teachers keep entering marks.
 */
final class Snapshot {

  /** Not data: Flyway's own bookkeeping (rebuilt by the restore) and sign-in sessions. */
  static final Set<String> SKIPPED =
      Set.of("flyway_schema_history", "spring_session", "spring_session_attributes");

  static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private Snapshot() {}

  /** Where an encrypted backup keeps the secrets a restore on a new machine needs. */
  static final String SECRETS = "secrets/";

  static Manifest write(
      DataSource owner, OutputStream out, Clock clock, java.util.Map<String, byte[]> secrets) {
    try (Connection c = owner.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (Statement s = c.createStatement()) {
          s.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ ONLY, DEFERRABLE");
        }
        Manifest m = write(c, out, clock, secrets);
        c.rollback();
        return m;
      } catch (SQLException | IOException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException | IOException e) {
      throw new BackupException(e, "backup.failed", e.getMessage());
    }
  }

  private static Manifest write(
      Connection c, OutputStream out, Clock clock, java.util.Map<String, byte[]> secrets)
      throws SQLException, IOException {
    String version = schemaVersion(c);
    String server = single(c, "SHOW server_version");
    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    List<Manifest.Table> tables = new ArrayList<>();
    ZipOutputStream zip = new ZipOutputStream(out);
    // Level 1 deflates COPY text to about a fifth at a fraction of the default level's cost.
    zip.setLevel(Deflater.BEST_SPEED);
    for (String table : loadOrder(c)) {
      List<String> columns = columns(c, table);
      String entry = "data/" + table + ".tsv";
      zip.putNextEntry(new ZipEntry(entry));
      Hashing sink = new Hashing(zip);
      long rows =
          copy.copyOut("COPY " + quote(table) + " (" + columnList(columns) + ") TO STDOUT", sink);
      zip.closeEntry();
      tables.add(new Manifest.Table(table, columns, entry, rows, sink.hex()));
    }
    Manifest manifest =
        new Manifest(
            Manifest.FORMAT, clock.instant(), version, server, List.copyOf(tables), sequences(c));
    for (var secret : secrets.entrySet()) {
      zip.putNextEntry(new ZipEntry(SECRETS + secret.getKey()));
      zip.write(secret.getValue());
      zip.closeEntry();
    }
    zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
    zip.write(JSON.writeValueAsBytes(manifest));
    zip.closeEntry();
    zip.finish();
    zip.flush();
    return manifest;
  }

  static String schemaVersion(Connection c) throws SQLException {
    return single(
        c,
        "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
            + " ORDER BY installed_rank DESC LIMIT 1");
  }

  /** The public schema's tables, each after every table it references (then by name). */
  static List<String> loadOrder(Connection c) throws SQLException {
    Map<String, Set<String>> references = new TreeMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'public' AND c.relkind = 'r'")) {
      while (rs.next()) {
        if (!SKIPPED.contains(rs.getString(1))) {
          references.put(rs.getString(1), new TreeSet<>());
        }
      }
    }
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                """
                SELECT child.relname, parent.relname
                FROM pg_constraint k
                JOIN pg_class child ON child.oid = k.conrelid
                JOIN pg_class parent ON parent.oid = k.confrelid
                JOIN pg_namespace n ON n.oid = k.connamespace
                WHERE k.contype = 'f' AND n.nspname = 'public'
                """)) {
      while (rs.next()) {
        Set<String> parents = references.get(rs.getString(1));
        if (parents != null && !rs.getString(1).equals(rs.getString(2))) {
          parents.add(rs.getString(2));
        }
      }
    }
    List<String> order = new ArrayList<>();
    Set<String> placed = new TreeSet<>();
    while (placed.size() < references.size()) {
      int before = placed.size();
      for (Map.Entry<String, Set<String>> t : references.entrySet()) {
        if (!placed.contains(t.getKey())
            && references.keySet().containsAll(t.getValue())
            && placed.containsAll(t.getValue())) {
          order.add(t.getKey());
          placed.add(t.getKey());
        }
      }
      if (placed.size() == before) {
        // A cycle of references: no order loads it; keep the rest by name and let the
        // restore's foreign-key check report which table could not be loaded.
        references.keySet().stream().filter(t -> !placed.contains(t)).forEach(order::add);
        break;
      }
    }
    return order;
  }

  static List<String> columns(Connection c, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (var ps =
        c.prepareStatement(
            "SELECT a.attname FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid"
                + " JOIN pg_namespace n ON n.oid = t.relnamespace"
                + " WHERE n.nspname = 'public' AND t.relname = ? AND a.attnum > 0"
                + " AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
    }
    return columns;
  }

  private static List<Manifest.Sequence> sequences(Connection c) throws SQLException {
    List<Manifest.Sequence> list = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT sequencename, coalesce(last_value, start_value), last_value IS NOT NULL"
                    + " FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename")) {
      while (rs.next()) {
        list.add(new Manifest.Sequence(rs.getString(1), rs.getLong(2), rs.getBoolean(3)));
      }
    }
    return List.copyOf(list);
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  static String columnList(List<String> columns) {
    return String.join(", ", columns.stream().map(Snapshot::quote).toList());
  }

  private static String single(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Passes bytes on and hashes them; never closes the stream underneath. */
  static final class Hashing extends FilterOutputStream {
    private final MessageDigest digest = sha256();

    Hashing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      digest.update((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      digest.update(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }

    String hex() {
      return HexFormat.of().formatHex(digest.digest());
    }
  }
}
