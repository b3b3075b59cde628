package vn.truongso.platform.backup;

import java.time.Instant;
import java.util.List;

/**
 * What a backup file holds, written as {@code manifest.json} beside the tables' data: enough to
 * check every byte and to rebuild the database at the same schema version.
 *
 * @param format {@link #FORMAT}; a reader refuses any other
 * @param schemaVersion the last Flyway migration applied to the database that was backed up
 * @param tables in the order a restore loads them (referenced tables first)
 */
public record Manifest(
    String format,
    Instant createdAt,
    String schemaVersion,
    String serverVersion,
    List<Table> tables,
    List<Sequence> sequences) {

  public static final String FORMAT = "truongso-backup/1";
  static final String ENTRY = "manifest.json";

  public long rows() {
    return tables.stream().mapToLong(Table::rows).sum();
  }

  /**
   * One table, as PostgreSQL's COPY text format in {@code entry}.
   *
   * @param columns the stored columns in table order (generated columns are recomputed)
   * @param sha256 of the entry's bytes, lower-case hex
   */
  public record Table(String name, List<String> columns, String entry, long rows, String sha256) {}

  /** A sequence's position, so that new rows after a restore get the ids they would have got. */
  public record Sequence(String name, long value, boolean called) {}
}
