package vn.truongso.records;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.truongso.assessment.PolicyCode;
import vn.truongso.people.Sex;
import vn.truongso.records.internal.HocBaPrint;
import vn.truongso.records.internal.HocBaXml;
import vn.truongso.records.internal.StudentYearRecord;
import vn.truongso.records.signing.Signer;
import vn.truongso.records.signing.SigningKey;
import vn.truongso.support.TestCertificates;

/**
 * Issue 18's figures (not part of the test run): pages per second of the printed học bạ (two A4
 * pages a student, the XML embedded), and the time to sign a class of 45 (PDF and XML each, with a
 * PKCS#12 key, no time-stamp server), after a warm-up class. Run with {@code bench/hocba.sh};
 * figures in docs/PERFORMANCE.md.
 */
@Tag("benchmark")
@SpringBootTest
class HocBaBenchmark {

  private static final int CLASS_SIZE = 45;

  @Autowired HocBaPrint print;
  @Autowired HocBaXml xml;
  @Autowired Signer signer;

  @Test
  void printAndSignAClass() {
    Instant issued = Instant.parse("2026-01-01T00:00:00Z");
    TestCertificates.Issued homeroom =
        new TestCertificates(issued).issue("Lê Thị Hoa", "1234", issued, 730, true);
    StudentYearRecord r = HocBaXmlTests.year(PolicyCode.TT22_2021, Sex.F, "079312000123", true);
    for (int run = 0; run < 3; run++) {
      long t0 = System.nanoTime();
      List<byte[]> pdfs = new ArrayList<>();
      List<byte[]> xmls = new ArrayList<>();
      for (int i = 0; i < CLASS_SIZE; i++) {
        pdfs.add(print.pdf(r));
        xmls.add(xml.current(r));
      }
      long printed = System.nanoTime() - t0;
      long t1 = System.nanoTime();
      try (SigningKey key = SigningKey.pkcs12(homeroom.pkcs12(), "1234".toCharArray())) {
        for (int i = 0; i < CLASS_SIZE; i++) {
          signer.signPdf(pdfs.get(i), key, "GVCN", "7A1");
          signer.signXml(xmls.get(i), key);
        }
      }
      long signed = System.nanoTime() - t1;
      long t2 = System.nanoTime();
      long bytes =
          java.util.stream.IntStream.range(0, CLASS_SIZE)
              .parallel()
              .mapToLong(i -> print.pdf(r).length)
              .sum();
      long parallelPages = bytes > 0 ? CLASS_SIZE : 0;
      long parallel = System.nanoTime() - t2;
      System.out.println(
          String.format(
              Locale.ROOT,
              "BENCH run %d: %d học bạ printed in %.2f s (%.1f pages/s), on both cores %.2f s"
                  + " (%.1f pages/s); signed PDF+XML in %.2f s",
              run + 1,
              CLASS_SIZE,
              printed / 1e9,
              2 * CLASS_SIZE / (printed / 1e9),
              parallel / 1e9,
              2 * parallelPages / (parallel / 1e9),
              signed / 1e9));
    }
  }
}
