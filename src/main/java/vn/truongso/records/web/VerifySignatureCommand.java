package vn.truongso.records.web;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import vn.truongso.platform.StandaloneCommand;
import vn.truongso.platform.time.WallClock;
import vn.truongso.records.signing.SignatureCheck;

/**
 * {@code java -jar truongso.jar verify-signature FILE [--trust CERT]…}: every signature of a signed
 * PDF or XML (a học bạ, an archive's document), checked offline without the application or its
 * database. Exit code 0 when every signature is intact and reaches a trusted certificate, 1 when a
 * signature is broken or none is found, 3 when all are intact but whose they are cannot be told (no
 * trusted certificate given), 2 for bad arguments. A signature time-stamped by a trusted authority
 * (B-T and above; give its certificate with {@code --trust} too) gets a second line with the time
 * the authority proves.
 */
public final class VerifySignatureCommand implements StandaloneCommand {

  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(WallClock.VIETNAM);

  @Override
  public String name() {
    return "verify-signature";
  }

  @Override
  public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    ResourceBundle text = ResourceBundle.getBundle("i18n/platform/cli", locale());
    if (args.isEmpty() || args.size() % 2 == 0) {
      err.println(text.getString("cli.verify-signature.help"));
      return 2;
    }
    byte[] document;
    List<X509Certificate> trusted = new ArrayList<>();
    try {
      document = Files.readAllBytes(Path.of(args.getFirst()));
      for (int i = 1; i < args.size(); i += 2) {
        if (!args.get(i).equals("--trust")) {
          err.println(text.getString("cli.verify-signature.help"));
          return 2;
        }
        trusted.add(certificate(Files.readAllBytes(Path.of(args.get(i + 1)))));
      }
    } catch (NoSuchFileException e) {
      err.println(format(text, "cli.verifySignature.noFile", e.getFile()));
      return 2;
    } catch (IOException | CertificateException e) {
      err.println(format(text, "cli.verifySignature.unreadable", e.getMessage()));
      return 2;
    }
    SignatureCheck check = new SignatureCheck(WallClock.vietnam());
    if (ArchiveCheck.isZip(document)) {
      return archive(ArchiveCheck.entries(document), check, trusted, text, out);
    }
    return report(check.check(document, trusted), text, out);
  }

  /**
   * A package or a sealed year's archive: the listed hashes first, then every signed document in
   * it; the exit code is the worst found.
   */
  private static int archive(
      java.util.Map<String, byte[]> files,
      SignatureCheck check,
      List<X509Certificate> trusted,
      ResourceBundle text,
      PrintStream out) {
    int worst = 0;
    var hashes = ArchiveCheck.hashes(files);
    long bad = hashes.values().stream().filter(ok -> !ok).count();
    out.println(format(text, "cli.verifySignature.hashes", hashes.size() - bad, hashes.size()));
    for (var h : hashes.entrySet()) {
      if (!h.getValue()) {
        out.println(format(text, "cli.verifySignature.hashBroken", h.getKey()));
        worst = 1;
      }
    }
    int documents = 0;
    for (var f : files.entrySet()) {
      if (ArchiveCheck.signed(f.getKey())) {
        documents++;
        out.println(format(text, "cli.verifySignature.file", f.getKey()));
        worst = worse(worst, report(check.check(f.getValue(), trusted), text, out));
      }
    }
    if (documents == 0) {
      out.println(text.getString("cli.verifySignature.none"));
      return 1;
    }
    return worst;
  }

  /** Broken (1) outranks an unknown signer (3), which outranks all good (0). */
  private static int worse(int a, int b) {
    return a == 1 || b == 1 ? 1 : Math.max(a, b);
  }

  private static int report(
      List<SignatureCheck.Found> found, ResourceBundle text, PrintStream out) {
    if (found.isEmpty()) {
      out.println(text.getString("cli.verifySignature.none"));
      return 1;
    }
    boolean broken = false;
    boolean unknown = false;
    int n = 0;
    for (SignatureCheck.Found f : found) {
      String state =
          f.passed()
              ? "cli.verifySignature.passed"
              : f.broken() ? "cli.verifySignature.broken" : "cli.verifySignature.unknown";
      broken |= f.broken();
      unknown |= !f.passed() && !f.broken();
      out.println(
          format(
              text,
              "cli.verifySignature.line",
              ++n,
              f.signedBy(),
              f.signedAt() == null ? "—" : AT.format(f.signedAt()),
              text.getString(state),
              f.indication() + (f.subIndication() == null ? "" : " / " + f.subIndication())));
      Instant proved = f.timestampedAt();
      SignatureLevel level = f.format();
      if (proved != null) {
        out.println(
            format(
                text,
                "cli.verifySignature.timestamped",
                AT.format(proved),
                level == null ? "—" : level.toString()));
      }
    }
    return broken ? 1 : unknown ? 3 : 0;
  }

  private static X509Certificate certificate(byte[] pemOrDer) throws CertificateException {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(pemOrDer));
  }

  private static String format(ResourceBundle text, String key, Object... args) {
    return new MessageFormat(text.getString(key), text.getLocale()).format(args);
  }

  private static Locale locale() {
    return Locale.forLanguageTag(System.getenv().getOrDefault("TRUONGSO_LANG", "vi"));
  }
}
