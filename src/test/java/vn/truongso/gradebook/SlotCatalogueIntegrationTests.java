package vn.truongso.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.truongso.assessment.Slot;

/**
 * The tables that store a column's code accept exactly the columns {@link Slot} names: a column
 * added to the enum without its migration (or the reverse) fails here, not at a teacher's save.
 */
@SpringBootTest
class SlotCatalogueIntegrationTests {

  private static final Pattern QUOTED = Pattern.compile("'([A-Z0-9]+)'");

  @Autowired JdbcClient jdbc;

  @ParameterizedTest(name = "{0}")
  @CsvSource({"score_cell", "entry_lock"})
  void theTableAcceptsExactlyTheColumnsOfTheEnum(String table) {
    List<String> checks =
        jdbc.sql(
                """
                SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c
                WHERE c.conrelid = ?::regclass AND c.contype = 'c'
                  AND pg_get_constraintdef(c.oid) LIKE '%slot%TX1%'
                """)
            .param(table)
            .query(String.class)
            .list();
    assertThat(checks).hasSize(1);
    TreeSet<String> accepted = new TreeSet<>();
    Matcher m = QUOTED.matcher(checks.getFirst());
    while (m.find()) {
      accepted.add(m.group(1));
    }
    assertThat(accepted)
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(Slot.values()).map(Slot::name).toList());
  }
}
