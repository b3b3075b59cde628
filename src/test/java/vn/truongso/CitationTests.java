package vn.truongso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Code and documents cite the schools' regulations by the tags that
 * docs/domain/school-regulations.md defines (or a circular by its number), never by the names of
 * files the repository does not contain.
 */
class CitationTests {

  private static final Path REGULATIONS = Path.of("docs/domain/school-regulations.md");
  private static final Pattern UNKNOWN_SOURCE = Pattern.compile("(?i)\\bseeds? 0\\d\\d");
  private static final Pattern TAG =
      Pattern.compile("\\b(DH-QT|DH-SD|SL-CV|PH-MN|BA-HBS|KD-CSDL)\\b");

  @Test
  void citationsNameDocumentsTheRepositoryDescribes() throws IOException {
    String regulations = Files.readString(REGULATIONS);
    Set<String> unknown = new TreeSet<>();
    Set<String> tags = new TreeSet<>();
    for (Path f : files(List.of(Path.of("src"), Path.of("docs")))) {
      String text = Files.readString(f);
      Matcher bad = UNKNOWN_SOURCE.matcher(text);
      while (bad.find()) {
        unknown.add(f + ": " + bad.group());
      }
      Matcher tag = TAG.matcher(text);
      while (tag.find()) {
        tags.add(tag.group(1));
      }
    }
    assertThat(unknown).isEmpty();
    assertThat(tags).isNotEmpty().allMatch(t -> regulations.contains("`" + t + "`"));
  }

  private static List<Path> files(List<Path> roots) throws IOException {
    List<Path> out = new java.util.ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(Files::isRegularFile)
            .filter(p -> p.toString().matches(".*\\.(java|html|sql|properties|csv|md)$"))
            .filter(p -> !p.endsWith("CitationTests.java"))
            .forEach(out::add);
      }
    }
    return out;
  }
}
