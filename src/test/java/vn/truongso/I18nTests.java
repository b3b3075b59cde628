package vn.truongso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No literal UI text in templates or Java: every text a user reads comes from a module's bundle, in
 * Vietnamese and English, and every key a template names exists. Planted files prove each check can
 * fail.
 */
class I18nTests {

  static final Path TEMPLATES = Path.of("src/main/resources/templates");
  static final Path BUNDLES = Path.of("src/main/resources/i18n");
  static final Path JAVA = Path.of("src/main/java/vn/truongso");
  static final Path PLANTED = Path.of("src/test/resources/i18n-planted");

  private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z0-9]+)([^>]*)>", Pattern.DOTALL);
  private static final Pattern REPLACED_TEXT =
      Pattern.compile("\\bth:(text|utext|replace|insert)\\s*=");
  private static final Pattern LITERAL_ATTRIBUTE =
      Pattern.compile("(?<![:\\w-])(alt|title|placeholder|aria-label)\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)(?:\\(|\\})");
  private static final Pattern LETTER = Pattern.compile("\\p{L}");
  private static final Pattern VIETNAMESE_LITERAL =
      Pattern.compile(
          "\"[^\"\\n]*[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ][^\"\\n]*\"");

  @Test
  void templatesHaveNoLiteralText() throws IOException {
    assertThat(templateViolations(TEMPLATES)).isEmpty();
  }

  @Test
  void javaHasNoVietnameseLiterals() throws IOException {
    // Demo data (names, addresses) is data, not interface text.
    assertThat(javaViolations(JAVA, Set.of("demo"))).isEmpty();
  }

  @Test
  void everyKeyInATemplateExistsInVietnameseAndEnglish() throws IOException {
    Properties vi = bundles("vi");
    Properties en = bundles("en");
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        Matcher m = MESSAGE_KEY.matcher(Files.readString(f));
        while (m.find()) {
          if (!vi.containsKey(m.group(1)) || !en.containsKey(m.group(1))) {
            missing.add(f.getFileName() + ": " + m.group(1));
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void vietnameseAndEnglishBundlesHaveTheSameKeys() throws IOException {
    try (Stream<Path> dirs = Files.list(BUNDLES)) {
      for (Path dir : dirs.toList()) {
        Properties vi = load(dir.resolve("messages_vi.properties"));
        Properties en = load(dir.resolve("messages_en.properties"));
        assertThat(new TreeSet<>(en.stringPropertyNames()))
            .as(dir.toString())
            .isEqualTo(new TreeSet<>(vi.stringPropertyNames()));
      }
    }
  }

  @Test
  void plantedViolationsAreCaught() throws IOException {
    assertThat(templateViolations(PLANTED)).hasSize(3);
    assertThat(javaViolations(PLANTED, Set.of())).hasSize(1);
  }

  static List<String> templateViolations(Path root) throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        String html =
            Files.readString(f)
                .replaceAll("(?s)<!--.*?-->", "")
                .replaceAll("(?s)<script.*?</script>", "")
                .replaceAll("(?s)<style.*?</style>", "")
                .replaceAll("(?i)<!DOCTYPE[^>]*>", "");
        Matcher tag = TAG.matcher(html);
        int textStart = 0;
        boolean replaced = false;
        while (tag.find()) {
          String text = html.substring(textStart, tag.start());
          if (!replaced && LETTER.matcher(text).find()) {
            violations.add(f.getFileName() + ": text \"" + text.strip() + "\"");
          }
          String attributes = tag.group(3);
          Matcher attr = LITERAL_ATTRIBUTE.matcher(attributes);
          while (attr.find()) {
            if (LETTER.matcher(attr.group(2)).find()) {
              violations.add(
                  f.getFileName() + ": attribute " + attr.group(1) + "=\"" + attr.group(2) + "\"");
            }
          }
          replaced = tag.group(1).isEmpty() && REPLACED_TEXT.matcher(attributes).find();
          textStart = tag.end();
        }
      }
    }
    return violations;
  }

  static List<String> javaViolations(Path root, Set<String> exemptDirs) throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (exemptDirs.stream().anyMatch(d -> root.relativize(f).startsWith(d))) {
          continue;
        }
        for (String line : Files.readAllLines(f)) {
          String code = line.strip();
          if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
            continue;
          }
          if (VIETNAMESE_LITERAL.matcher(code).find()) {
            violations.add(f.getFileName() + ": " + code);
          }
        }
      }
    }
    return violations;
  }

  private static Properties bundles(String lang) throws IOException {
    Properties all = new Properties();
    try (Stream<Path> dirs = Files.list(BUNDLES)) {
      for (Path dir : dirs.toList()) {
        all.putAll(load(dir.resolve("messages_" + lang + ".properties")));
      }
    }
    return all;
  }

  private static Properties load(Path file) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
