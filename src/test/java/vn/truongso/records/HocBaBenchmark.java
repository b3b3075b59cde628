package vn.truongso.records;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.truongso.assessment.PolicyCode;
import vn.truongso.people.Sex;
import vn.truongso.records.internal.HocBaPrint;
import vn.truongso.records.internal.HocBaXml;
import vn.truongso.records.internal.StudentYearRecord;
import vn.truongso.records.signing.CscRemoteSigningService;
import vn.truongso.records.signing.Signer;
import vn.truongso.records.signing.SigningKey;
import vn.truongso.support.TestCertificates;
import vn.truongso.support.TestCscService;
import vn.truongso.support.TestTimestampAuthority;

/**
 * Issue 18's figures (not part of the test run): pages per second of the printed học bạ (two A4
 * pages a student, the XML embedded), and the time to sign a class of 45 (PDF and XML each, with a
 * PKCS#12 key): at B-B (no time-stamp server), at B-T against a local RFC 3161 time-stamping
 * authority, at B-LT (the same, plus the CA's CRL from the same local server), and at B-B through a
 * local CSC-style remote signing service; after a warm-up class. Local servers measure our side
 * only: a real TSA or CA adds its network round trips. Run with {@code bench/hocba.sh}; figures in
 * docs/PERFORMANCE.md.
 */
@Tag("benchmark")
@SpringBootTest
class HocBaBenchmark {

  private static final int CLASS_SIZE = 45;

  @Autowired HocBaPrint print;
  @Autowired HocBaXml xml;
  @Autowired Signer signer;

  @Autowired Clock clock;

  @Test
  void printAndSignAClass() throws Exception {
    Instant issued = Instant.parse("2026-01-01T00:00:00Z");
    TestCertificates ca = new TestCertificates(issued);
    try (TestTimestampAuthority tsa = new TestTimestampAuthority(ca, issued, clock)) {
      TestCertificates.Issued homeroom =
          ca.issue("Lê Thị Hoa", "1234", issued, 730, true, tsa.crlUrl());
      try (TestCscService csc = new TestCscService("hoa-01", "2468", homeroom, ca.ca())) {
        runs(homeroom, tsa, csc);
      }
    }
  }

  private void runs(
      TestCertificates.Issued homeroom, TestTimestampAuthority tsa, TestCscService csc) {
    Signer timestamped = new Signer(clock, tsa.url(), Signer.Level.T);
    Signer longTerm = new Signer(clock, tsa.url(), Signer.Level.LT);
    SigningKey remote =
        SigningKey.remote(
            new CscRemoteSigningService(csc.base(), TestCscService.TOKEN, Duration.ofSeconds(10)),
            "hoa-01",
            "2468".toCharArray());
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
      double atT = signClass(timestamped, homeroom, pdfs, xmls, null);
      double atLt = signClass(longTerm, homeroom, pdfs, xmls, null);
      double throughCsc = signClass(signer, homeroom, pdfs, xmls, remote);
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
                  + " (%.1f pages/s); signed PDF+XML in %.2f s (B-B), %.2f s (B-T, local TSA),"
                  + " %.2f s (B-LT, local TSA + CRL), %.2f s (B-B, local remote signing service)",
              run + 1,
              CLASS_SIZE,
              printed / 1e9,
              2 * CLASS_SIZE / (printed / 1e9),
              parallel / 1e9,
              2 * parallelPages / (parallel / 1e9),
              signed / 1e9,
              atT,
              atLt,
              throughCsc));
    }
    remote.close();
  }

  /** Seconds to sign the class's PDFs and XMLs; a PKCS#12 key unless a remote one is given. */
  private static double signClass(
      Signer s,
      TestCertificates.Issued homeroom,
      List<byte[]> pdfs,
      List<byte[]> xmls,
      @Nullable SigningKey remote) {
    long t0 = System.nanoTime();
    SigningKey key =
        remote != null ? remote : SigningKey.pkcs12(homeroom.pkcs12(), "1234".toCharArray());
    for (int i = 0; i < pdfs.size(); i++) {
      Signer.Signed pdf = s.pdf(pdfs.get(i), key, "GVCN", "7A1");
      Signer.Signed xml = s.xml(xmls.get(i), key);
      if (pdf.level() != s.level() || xml.level() != s.level()) {
        throw new IllegalStateException("fell back: " + pdf.shortfall() + xml.shortfall());
      }
    }
    if (remote == null) {
      key.close();
    }
    return (System.nanoTime() - t0) / 1e9;
  }
}
