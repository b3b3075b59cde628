package vn.truongso.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;

/**
 * A real PKCS#11 token for tests: SoftHSM2 (Debian's {@code softhsm2}), a token initialised in a
 * directory of the build, a signer's key and certificate written to it with OpenSC's {@code
 * pkcs11-tool}. The JVM finds the configuration through {@code SOFTHSM2_CONF}, which the build
 * sets.
 */
public final class SoftHsm {

  public static final String LIBRARY = library();

  private SoftHsm() {}

  /**
   * A copy of SoftHSM2's module under a new name. A PKCS#11 module is initialised once per process
   * and SoftHSM2 reads its tokens then, so a token made after another test used the module would
   * stay unseen; a module loaded from another path is a library of its own, initialised afresh.
   * Each test that makes a token opens it through a module of its own.
   */
  public static String freshModule() {
    try {
      Path dir = Path.of(System.getenv("SOFTHSM2_CONF")).resolveSibling("modules");
      Files.createDirectories(dir);
      Path copy = dir.resolve("libsofthsm2-" + UUID.randomUUID() + ".so");
      Files.copy(Path.of(LIBRARY), copy);
      return copy.toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A fresh token (the first in the slot list) holding the signer's key and certificate. */
  public static void token(String pin, PrivateKey key, X509Certificate cert) throws Exception {
    Path conf = Path.of(System.getenv("SOFTHSM2_CONF"));
    Path tokens = conf.resolveSibling("tokens");
    if (Files.exists(tokens)) {
      try (var files = Files.walk(tokens)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(tokens);
    Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n");
    run(
        "softhsm2-util",
        "--init-token",
        "--free",
        "--label",
        "truongso-test-" + UUID.randomUUID().toString().substring(0, 8),
        "--pin",
        pin,
        "--so-pin",
        "so-" + pin);
    Path dir = conf.getParent();
    Path keyFile = dir.resolve("key.der");
    Path certFile = dir.resolve("cert.der");
    Files.write(keyFile, key.getEncoded());
    Files.write(certFile, cert.getEncoded());
    for (String type : List.of("privkey", "cert")) {
      run(
          "pkcs11-tool",
          "--module",
          LIBRARY,
          "--login",
          "--pin",
          pin,
          "--write-object",
          (type.equals("cert") ? certFile : keyFile).toString(),
          "--type",
          type,
          "--id",
          "01",
          "--label",
          "signer");
    }
    Files.delete(keyFile);
  }

  private static void run(String... command) throws IOException, InterruptedException {
    ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
    Process p = b.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + ": " + out);
    }
  }

  private static String library() {
    for (String candidate :
        List.of(
            "/usr/lib/softhsm/libsofthsm2.so",
            "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so")) {
      if (Files.exists(Path.of(candidate))) {
        return candidate;
      }
    }
    return "/usr/lib/softhsm/libsofthsm2.so";
  }
}
