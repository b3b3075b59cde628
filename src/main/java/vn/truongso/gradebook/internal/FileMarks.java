package vn.truongso.gradebook.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import vn.truongso.platform.UserInputException;
import vn.truongso.platform.xlsx.XlsxRows;

/**
 * The row an exported primary sheet carries so that it is recognised on its way back: which sheet
 * it is (a kind, then the ids that name it) and when it was taken, so that the file cannot land on
 * another sheet and cannot silently overwrite what was typed in TruongSo after it was taken.
 */
final class FileMarks {

  private FileMarks() {}

  /** Where the mark was found in a file, and when the file was taken. */
  record Found(int row, Instant takenAt) {}

  /** The mark's text: the names, then the moment in milliseconds. */
  static String of(List<String> names, long takenAtMillis) {
    return String.join("|", names) + "|" + takenAtMillis;
  }

  /**
   * The file's mark row.
   *
   * @throws UserInputException {@code gradebook.import.otherSheet} when it names another sheet,
   *     {@code gradebook.import.notOurs} when the file has none
   */
  static Found find(List<XlsxRows.Row> rows, List<String> expected) {
    for (int i = 0; i < rows.size(); i++) {
      String[] parts = rows.get(i).cell(0).split("\\|");
      if (parts.length == expected.size() + 1 && parts[0].equals(expected.getFirst())) {
        String taken = parts[expected.size()];
        if (!Arrays.asList(parts).subList(0, expected.size()).equals(expected)
            || !taken.matches("\\d{1,15}")) {
          throw new UserInputException("file", "gradebook.import.otherSheet");
        }
        return new Found(i, Instant.ofEpochMilli(Long.parseLong(taken)));
      }
    }
    throw new UserInputException("file", "gradebook.import.notOurs");
  }
}
