package vn.truongso.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.truongso.records.signing.Signer;
import vn.truongso.records.signing.SigningKey;
import vn.truongso.support.TestCertificates;
import vn.truongso.support.TestTimestampAuthority;

/**
 * {@code verify-signature} reports each signature of a signed XML and tells intact and trusted (0),
 * broken (1), intact but of an unknown signer (3) and bad arguments (2) apart by its exit code,
 * without the application. The certificate is valid for a century so that the command, which reads
 * the machine's clock, passes on any day the suite runs.
 */
class VerifySignatureCommandTests {

  private static final Instant ISSUED = Instant.parse("2020-01-01T00:00:00Z");

  @TempDir Path dir;

  private final TestCertificates ca = new TestCertificates(ISSUED);
  private final TestCertificates.Issued signer =
      ca.issue("Phạm Văn Minh", "5678", ISSUED, 36500, true);

  @Test
  void eachSignatureIsReportedAndTheExitCodeSaysWhatWasFound() throws Exception {
    byte[] signed;
    try (SigningKey key = SigningKey.pkcs12(signer.pkcs12(), "5678".toCharArray())) {
      signed =
          new Signer(Clock.fixed(Instant.parse("2026-06-01T03:00:00Z"), ZoneOffset.UTC))
              .signXml(
                  "<hocba xmlns=\"urn:truongso:hocbaso:1\"><ten>An</ten></hocba>"
                      .getBytes(StandardCharsets.UTF_8),
                  key);
    }
    Path file = dir.resolve("hocba.xml");
    Files.write(file, signed);
    Path cert = dir.resolve("signer.der");
    Files.write(cert, signer.certificate().getEncoded());

    Run trustedRun = run(file.toString(), "--trust", cert.toString());
    assertThat(trustedRun.code()).isZero();
    assertThat(trustedRun.out())
        .contains("Chữ ký 1: ", "Phạm Văn Minh", "01/06/2026 10:00:00", "nguyên vẹn");

    assertThat(run(file.toString()).code()).isEqualTo(3);

    Files.writeString(file, new String(signed, StandardCharsets.UTF_8).replace(">An<", ">Anh<"));
    Run broken = run(file.toString(), "--trust", cert.toString());
    assertThat(broken.code()).isEqualTo(1);
    assertThat(broken.out()).contains("BỊ HỎNG");

    assertThat(run().code()).isEqualTo(2);
    assertThat(run(dir.resolve("missing.pdf").toString()).code()).isEqualTo(2);
    assertThat(run(file.toString(), "--trust").code()).isEqualTo(2);
  }

  @Test
  void aTimeStampedSignatureShowsTheAuthoritysTime() throws Exception {
    Clock at = Clock.fixed(Instant.parse("2026-06-01T03:00:00Z"), ZoneOffset.UTC);
    byte[] signed;
    try (TestTimestampAuthority tsa = new TestTimestampAuthority(ca, ISSUED, 36500, at);
        SigningKey key = SigningKey.pkcs12(signer.pkcs12(), "5678".toCharArray())) {
      signed =
          new Signer(at, tsa.url(), Signer.Level.T)
              .signXml(
                  "<hocba xmlns=\"urn:truongso:hocbaso:1\"><ten>An</ten></hocba>"
                      .getBytes(StandardCharsets.UTF_8),
                  key);
      Files.write(dir.resolve("tsa.der"), tsa.certificate().getEncoded());
    }
    Path file = dir.resolve("hocba.xml");
    Files.write(file, signed);
    Path cert = dir.resolve("signer.der");
    Files.write(cert, signer.certificate().getEncoded());

    Run stamped =
        run(
            file.toString(),
            "--trust",
            cert.toString(),
            "--trust",
            dir.resolve("tsa.der").toString());
    assertThat(stamped.code()).isZero();
    assertThat(stamped.out())
        .contains("Chữ ký 1: ", "có dấu thời gian", "01/06/2026 10:00:00", "XAdES-BASELINE-T");
    // an authority nobody trusts proves nothing: no time-stamp line
    assertThat(run(file.toString(), "--trust", cert.toString()).out())
        .doesNotContain("dấu thời gian");
  }

  record Run(int code, String out) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        new vn.truongso.records.web.VerifySignatureCommand()
            .run(
                List.of(args),
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8));
  }
}
