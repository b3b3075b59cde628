package vn.truongso.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.truongso.control.internal.LockRules;

/**
 * Which lock or opening decides a cell (term 1, grade 7, class 70, Toán, GK): the most specific in
 * force; at the same depth a lock before an opening (DH-SD art. 7.3: the principal decides when the
 * book is locked and opened, at whatever scope).
 */
class LockRulesTests {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          nothing in force: no decision                      | -                                        | -
          the school year locked                             | L:-:-:-:-:-                              | 1
          another term locked: not this cell                 | L:2:-:-:-:-                              | -
          another grade's lock: not this cell                | L:-:8:-:-:-                              | -
          another class's column: not this cell              | L:1:-:71:toan:GK                         | -
          another subject: not this cell                     | L:-:-:-:van:-                            | -
          another column: not this cell                      | L:1:-:70:toan:CK                         | -
          the grade locked                                   | L:-:7:-:-:-                              | 1
          the subject locked                                 | L:-:-:-:toan:-                           | 1
          the class × subject locked                         | L:-:-:70:toan:-                          | 1
          a column opened inside a locked term               | L:1:-:-:-:- , O:1:-:70:toan:GK           | 2
          a column locked inside an opened class             | O:-:-:70:-:- , L:1:-:70:toan:GK          | 2
          the same depth: the lock wins over the opening     | O:1:-:70:-:- , L:-:-:70:toan:-           | 2
          the same depth, the same kind: the newest          | L:1:-:-:-:- , L:-:7:-:-:-                | 2
          """)
  void deciding(String why, String locks, Integer expected) {
    List<EntryLocks.Lock> inForce = new ArrayList<>();
    if (locks != null) {
      long id = 1;
      for (String spec : locks.split(",")) {
        String[] p = spec.strip().split(":");
        inForce.add(
            new EntryLocks.Lock(
                id++,
                p[0].equals("O"),
                new EntryLocks.Scope(
                    p[1].equals("-") ? null : Integer.valueOf(p[1]),
                    p[2].equals("-") ? null : Integer.valueOf(p[2]),
                    p[3].equals("-") ? null : Long.valueOf(p[3]),
                    p[4].equals("-") ? null : p[4],
                    p[5].equals("-") ? null : p[5]),
                why,
                null,
                1,
                "Hiệu trưởng",
                Instant.EPOCH));
      }
    }
    assertThat(
            LockRules.deciding(inForce, 1, 7, 70, "toan", "GK")
                .map(EntryLocks.Lock::id)
                .map(Long::intValue)
                .orElse(null))
        .as(why)
        .isEqualTo(expected);
  }
}
