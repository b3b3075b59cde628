package vn.truongso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message the code can show has its Vietnamese and its English text: the finding codes the
 * circulars' policies return (shown as {@code assessment.finding.<code>}) and the keys written as
 * literals where input is refused or a message is looked up. A missing key would show the key
 * itself to a teacher. The planted source proves each pattern is read.
 */
class MessageCoverageTests {

  private static final Path JAVA = Path.of("src/main/java");
  private static final Path PLANTED = Path.of("src/test/resources/i18n-planted");
  private static final Pattern FINDING_CODE = Pattern.compile("\"(TT\\d{2}\\.D[0-9A-Za-z.]+)\"");
  private static final List<Pattern> KEY_USES =
      List.of(
          // new UserInputException(field, "key", ...)
          Pattern.compile(
              "UserInputException\\(\\s*[^,;]+,\\s*\"([a-zA-Z][\\w-]*(?:\\.[\\w-]+)+)\""),
          // InvalidInput's collector: errors.add(field, "key", ...)
          Pattern.compile("\\.add\\(\\s*[^,;()]+,\\s*\"([a-zA-Z][\\w-]*(?:\\.[\\w-]+)+)\""),
          // messages.getMessage("key", ...) with the whole key written out
          Pattern.compile("getMessage\\(\\s*\"([a-zA-Z][\\w-]*(?:\\.[\\w-]+)+)\"\\s*,"));

  @Test
  void everyFindingCodeAndLiteralKeyHasVietnameseAndEnglish() throws IOException {
    assertThat(missing(JAVA)).isEmpty();
    // The patterns still match the code's ways of refusing input (a rename would silently empty
    // it).
    assertThat(used(JAVA)).hasSizeGreaterThan(150);
  }

  @Test
  void plantedMissingKeysAreCaught() throws IOException {
    assertThat(missing(PLANTED))
        .containsExactlyInAnyOrder(
            "assessment.finding.TT22.D99", "planted.nowhere", "planted.alsoNowhere");
  }

  static Set<String> missing(Path root) throws IOException {
    Properties vi = bundles("vi");
    Properties en = bundles("en");
    Set<String> missing = new TreeSet<>();
    for (String key : used(root)) {
      if (!vi.containsKey(key) || !en.containsKey(key)) {
        missing.add(key);
      }
    }
    return missing;
  }

  private static Set<String> used(Path root) throws IOException {
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String code = Files.readString(f);
        Matcher finding = FINDING_CODE.matcher(code);
        while (finding.find()) {
          keys.add("assessment.finding." + finding.group(1));
        }
        for (Pattern use : KEY_USES) {
          Matcher m = use.matcher(code);
          while (m.find()) {
            keys.add(m.group(1));
          }
        }
      }
    }
    return keys;
  }

  private static Properties bundles(String language) throws IOException {
    Properties all = new Properties();
    try (Stream<Path> files = Files.walk(I18nTests.BUNDLES)) {
      for (Path f :
          files
              .filter(
                  p -> p.getFileName().toString().equals("messages_" + language + ".properties"))
              .toList()) {
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
          all.load(r);
        }
      }
    }
    return all;
  }
}
