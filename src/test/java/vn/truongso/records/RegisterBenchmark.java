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
import vn.truongso.records.internal.RegisterModel;
import vn.truongso.records.internal.RegisterPrint;
import vn.truongso.records.internal.RegisterReader;
import vn.truongso.support.GeneratedNames;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;
import vn.truongso.support.TestOrg;

/**
 * The printed enrolment register's figures (not part of the test run): pages per second for a
 * cohort of {@code bench.students} (2 000 unless told) admitted into classes of 45, each with an
 * address, a mother, and every tenth a movement, read from the database and printed, after a
 * warm-up print. Run with {@code bench/register.sh}; figures in docs/PERFORMANCE.md.
 */
@Tag("benchmark")
@SpringBootTest
class RegisterBenchmark {

  private static final int CLASS_SIZE = 45;

  @Autowired TestOrg testOrg;
  @Autowired TestAccounts testAccounts;
  @Autowired Classes classes;
  @Autowired People people;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired RegisterReader reader;
  @Autowired RegisterPrint print;
  @Autowired Pdf pdfs;

  @Test
  void printARegister() throws Exception {
    int size = Integer.getInteger("bench.students", 2000);
    School school = testOrg.school();
    long t0 = System.nanoTime();
    cohort(school, size);
    System.out.println(
        String.format(
            Locale.ROOT,
            "BENCH setup: %d students admitted in %.1f s",
            size,
            (System.nanoTime() - t0) / 1e9));
    SecurityContextHolder.getContext()
        .setAuthentication(
            testAccounts.create(school, Role.PRINCIPAL, "Hiệu trưởng", "x", false).signedIn());
    try {
      for (int run = 0; run < 3; run++) {
        once(school, run);
      }
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private void once(School school, int run) throws Exception {
    long t0 = System.nanoTime();
    RegisterModel register = reader.read(school.id(), 2026);
    long read = System.nanoTime() - t0;
    String xhtml = print.xhtml(register);
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
            "BENCH run %d: register of %d students, %d pages, %d KB: read %.2f s,"
                + " template %.2f s, read+template+PDF %.2f s (%.1f pages/s)",
            run + 1,
            register.rows().size(),
            pages,
            pdf.length / 1024,
            read / 1e9,
            html / 1e9,
            total / 1e9,
            pages / (total / 1e9)));
  }

  private void cohort(School school, int size) {
    List<Long> classIds = new ArrayList<>();
    tx.executeWithoutResult(
        s -> {
          for (int c = 0; c * CLASS_SIZE < size; c++) {
            classIds.add(
                classes.createClass(
                    school.id(),
                    new Classes.NewClass(
                        2026, 6 + c % 4, (6 + c % 4) + "B" + c, null, null, null)));
          }
        });
    // one transaction per class, as an office enters them
    for (int c = 0; c < classIds.size(); c++) {
      int first = c * CLASS_SIZE;
      long classId = classIds.get(c);
      long other = classIds.get((c + 1) % classIds.size());
      tx.executeWithoutResult(
          s -> {
            for (int i = first; i < Math.min(size, first + CLASS_SIZE); i++) {
              student(school.id(), classId, other, i);
            }
          });
    }
  }

  private void student(long schoolId, long classId, long other, int i) {
    long id =
        people.addStudent(
            schoolId,
            new People.NewStudent(
                GeneratedNames.student(i),
                LocalDate.of(2011 + i % 4, 1 + i % 12, 1 + i % 28),
                i % 2 == 0 ? Sex.M : Sex.F,
                "01",
                null,
                null));
    classes.enrol(schoolId, classId, id, TestClasses.OPENING);
    jdbc.sql(
            "UPDATE student SET current_address = ?, place_of_birth = ? WHERE school_id = ? AND id = ?")
        .params(
            "Số " + (i + 1) + " đường Lê Lợi, tổ dân phố " + (i % 9 + 1) + ", phường Hải An",
            "Hải Phòng",
            schoolId,
            id)
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
    if (i % 10 == 3) {
      classes.changeClass(schoolId, id, other, LocalDate.of(2026, 11, 2), "Cân đối sĩ số");
    } else if (i % 10 == 7) {
      classes.transferOut(
          schoolId, id, LocalDate.of(2026, 11, 20), "Trường THCS Lê Lợi", "Chuyển nơi ở");
    }
  }
}
