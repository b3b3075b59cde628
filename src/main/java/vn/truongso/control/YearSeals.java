package vn.truongso.control;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Optional;
import vn.truongso.control.internal.Refusals;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.UserInputException;

/**
 * The year-end seal: when the principal closes a school year it becomes read-only for good (every
 * save, correction, lock and calendar change of that year is refused), its data is archived as JSON
 * with a manifest of hashes, and the archive's SHA-256 is written into the school's audit chain.
 */
public interface YearSeals {

  /** A sealed year, without its archive's bytes. */
  record Seal(
      long schoolId,
      int startYear,
      Instant sealedAt,
      String sealedByName,
      String reason,
      String archiveSha256,
      String manifestSha256,
      long sizeBytes) {}

  Optional<Seal> of(long schoolId, int startYear);

  /** Refuses any change to a sealed year, naming who sealed it and when. */
  void requireUnsealed(long schoolId, int startYear);

  static UserInputException refusal(Seal s) {
    return Refusals.sealed(s);
  }

  boolean maySeal(long schoolId);

  /**
   * Seals the year. {@code confirmation} must repeat the year as {@code 2025-2026}: sealing cannot
   * be undone. Saves in flight finish first (the year's control row is taken exclusively), and none
   * starts until the seal is committed.
   */
  Seal seal(
      AuthenticatedUser user, long schoolId, int startYear, String reason, String confirmation);

  /**
   * Writes the sealed archive to {@code out}, for those who lock, manage locks or check the book.
   * Its hash is checked against the seal's before the first byte leaves, and it is read in slices
   * both times, never whole in memory (a school's year with its signed records is 100 MB).
   *
   * @param beforeWriting called with the archive's size once it is checked, before writing (to set
   *     the response's headers)
   * @throws IllegalStateException when the archive does not match its seal (nothing is written)
   */
  void writeArchive(
      long schoolId, int startYear, java.util.function.LongConsumer beforeWriting, OutputStream out)
      throws IOException;
}
