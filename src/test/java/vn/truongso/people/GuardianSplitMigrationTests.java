package vn.truongso.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.truongso.support.TestDatabases;

/**
 * V31 on a database where two schools had come to share one father's record (matched by name and
 * phone): afterwards each school holds its own record, its links and its parent account point to
 * it, and the first school's record is unchanged.
 */
@SpringBootTest
class GuardianSplitMigrationTests {

  @Autowired
  @Qualifier("ownerDataSource")
  DataSource owner;

  @Autowired Flyway flyway;

  @Test
  void aRecordSharedByTwoSchoolsBecomesOneRecordPerSchool() throws Exception {
    DataSource db = TestDatabases.create(owner, "guardian_split_" + ProcessHandle.current().pid());
    Flyway.configure()
        .configuration(flyway.getConfiguration())
        .dataSource(db)
        .target("30")
        .load()
        .migrate();
    JdbcClient sql = JdbcClient.create(db);
    sql.sql(
            """
            INSERT INTO org_unit (id, parent_id, type, code, name, path) OVERRIDING SYSTEM VALUE
            VALUES (1, NULL, 'MINISTRY', 'BO', 'Bộ', '/1/'),
                   (2, 1, 'SCHOOL', 'THCS', 'THCS', '/1/2/'), (3, 1, 'SCHOOL', 'TH', 'TH', '/1/3/')
            """)
        .update();
    sql.sql(
            """
            INSERT INTO school (id, code, name, levels, province_code, ward_code)
            SELECT u.id, u.code, u.name, ARRAY['THCS'], w.province_code, w.code
            FROM org_unit u, (SELECT code, province_code FROM admin_ward ORDER BY code LIMIT 1) w
            WHERE u.type = 'SCHOOL'
            """)
        .update();
    sql.sql(
            """
            INSERT INTO student (id, school_id, family_name, given_name, birth_date, sex, ethnicity_code)
            OVERRIDING SYSTEM VALUE
            VALUES (10, 2, 'Ngô', 'Khải', '2013-04-01', 'M', '01'),
                   (20, 3, 'Ngô', 'Minh', '2019-04-01', 'M', '01')
            """)
        .update();
    sql.sql(
            """
            INSERT INTO guardian (id, full_name, birth_year, occupation, phone) OVERRIDING SYSTEM VALUE
            VALUES (100, 'Ngô Văn Hải', 1982, 'Kỹ sư', '0987000001')
            """)
        .update();
    sql.sql(
            """
            INSERT INTO student_guardian (school_id, student_id, guardian_id, relation)
            VALUES (2, 10, 100, 'FATHER'), (3, 20, 100, 'FATHER')
            """)
        .update();

    Flyway.configure().configuration(flyway.getConfiguration()).dataSource(db).load().migrate();

    assertThat(sql.sql("SELECT school_id FROM guardian WHERE id = 100").query(Long.class).single())
        .isEqualTo(2L);
    List<Long> primaryLinks =
        sql.sql("SELECT guardian_id FROM student_guardian WHERE school_id = 3")
            .query(Long.class)
            .list();
    assertThat(primaryLinks).hasSize(1).doesNotContain(100L);
    long copy = primaryLinks.getFirst();
    assertThat(
            sql.sql("SELECT school_id FROM guardian WHERE id = ?")
                .param(copy)
                .query(Long.class)
                .single())
        .isEqualTo(3L);
    assertThat(
            sql.sql("SELECT full_name || '|' || phone FROM guardian WHERE id = ?")
                .param(copy)
                .query(String.class)
                .single())
        .isEqualTo("Ngô Văn Hải|0987000001");
    assertThat(
            sql.sql("SELECT guardian_id FROM student_guardian WHERE school_id = 2")
                .query(Long.class)
                .list())
        .containsExactly(100L);
  }
}
