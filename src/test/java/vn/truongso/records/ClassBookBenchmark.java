package vn.truongso.records;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import vn.truongso.enrolment.Classes;
import vn.truongso.identity.Role;
import vn.truongso.org.School;
import vn.truongso.people.People;
import vn.truongso.people.Sex;
import vn.truongso.platform.Pdf;
import vn.truongso.records.internal.ClassBookModel;
import vn.truongso.records.internal.ClassBookPrint;
import vn.truongso.records.internal.ClassBookReader;
import vn.truongso.support.GeneratedNames;
import vn.truongso.support.GradeBookData;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;
import vn.truongso.support.TestOrg;

/**
 * The printed class book's figures (not part of the test run): pages per second for a grade-7 class
 * of 45 with a whole year of marks, conduct, absences, addresses and a parent each, read from the
 * database and printed, after a warm-up book. Run with {@code bench/classbook.sh}; figures in
 * docs/PERFORMANCE.md.
 */
@Tag("benchmark")
@SpringBootTest
class ClassBookBenchmark {

  private static final int CLASS_SIZE = 45;

  @Autowired TestOrg testOrg;
  @Autowired TestAccounts testAccounts;
  @Autowired Classes classes;
  @Autowired People people;
  @Autowired GradeBookData data;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired ClassBookReader reader;
  @Autowired ClassBookPrint print;
  @Autowired Pdf pdfs;

  @Test
  void printAClassBook() throws Exception {
    School school = testOrg.school();
    TestClasses.Taught taught = classOf(school);
    SecurityContextHolder.getContext()
        .setAuthentication(
            testAccounts.create(school, Role.PRINCIPAL, "Hiệu trưởng", "x", false).signedIn());
    try {
      for (int run = 0; run < 4; run++) {
        long t0 = System.nanoTime();
        ClassBookModel book = reader.read(school.id(), taught.classId());
        long read = System.nanoTime() - t0;
        String xhtml = print.xhtml(book);
        long html = System.nanoTime() - t0 - read;
        byte[] pdf = pdfs.fromXhtml(xhtml);
        long total = System.nanoTime() - t0;
        int pages;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
          pages = doc.getNumberOfPages();
        }
        System.out.println(
            String.format(
                Locale.ROOT,
                "BENCH run %d: class book of %d students, %d pages, %d KB: read %.2f s,"
                    + " template %.2f s, read+template+PDF %.2f s (%.1f pages/s)",
                run + 1,
                CLASS_SIZE,
                pages,
                pdf.length / 1024,
                read / 1e9,
                html / 1e9,
                total / 1e9,
                pages / (total / 1e9)));
      }
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private TestClasses.Taught classOf(School school) {
    return tx.execute(
        s -> {
          long classId =
              classes.createClass(
                  school.id(), new Classes.NewClass(2026, 7, "7A9", null, null, null));
          List<Long> students = new ArrayList<>();
          for (int i = 0; i < CLASS_SIZE; i++) {
            long id =
                people.addStudent(
                    school.id(),
                    new People.NewStudent(
                        GeneratedNames.student(i),
                        LocalDate.of(2013, 1 + i % 12, 1 + i % 28),
                        i % 2 == 0 ? Sex.M : Sex.F,
                        "01",
                        null,
                        null));
            classes.enrol(school.id(), classId, id, TestClasses.OPENING);
            students.add(id);
            details(school.id(), classId, id, i);
          }
          TestClasses.Taught t =
              new TestClasses.Taught(school, classId, "toan", students, null, null);
          for (int i = 0; i < CLASS_SIZE; i++) {
            data.fillYear(t, students.get(i), String.valueOf(5 + i % 5) + ".5");
          }
          return t;
        });
  }

  /** An address, a mother, both terms' conduct and a few sessions missed. */
  private void details(long schoolId, long classId, long id, int i) {
    jdbc.sql(
            "UPDATE student SET current_address = ?, place_of_birth = ? WHERE school_id = ? AND id = ?")
        .params(
            "Số " + (i + 1) + " đường Lê Lợi, tổ dân phố " + (i % 9 + 1), "Hải Phòng", schoolId, id)
        .update();
    people.addGuardianTo(
        schoolId,
        id,
        new People.GuardianUpdate(
            "MOTHER",
            GeneratedNames.mother(i),
            "1985",
            "Nông dân",
            String.format(Locale.ROOT, "09%08d", i),
            "",
            ""));
    for (String period : new String[] {"HK1", "HK2"}) {
      jdbc.sql(
              "INSERT INTO conduct_entry (school_id, class_id, student_id, period, level, comment,"
                  + " changed_at, changed_by) VALUES (?, ?, ?, ?, ?, null, now(), 0)")
          .params(schoolId, classId, id, period, i % 3 == 0 ? "KHA" : "TOT")
          .update();
    }
    for (int term = 1; term <= 2; term++) {
      jdbc.sql(
              "INSERT INTO absence_entry (school_id, class_id, student_id, term_no, excused,"
                  + " unexcused, changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?, now(), 0)")
          .params(schoolId, classId, id, term, i % 4, i % 2)
          .update();
    }
  }
}
