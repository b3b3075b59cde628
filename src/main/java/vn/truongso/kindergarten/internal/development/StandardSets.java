package vn.truongso.kindergarten.internal.development;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.truongso.kindergarten.internal.Csv;

/**
 * The child-development standard sets TruongSo knows, read from {@code kindergarten/development/}:
 * each set is data (areas, standards, indicators with the evidence grade of their wording), so a
 * new set the Ministry issues is a new file.
 */
@Component
public class StandardSets {

  /** An indicator with its standard and area; {@code grade} V1–V3 or U (not yet confirmed). */
  public record Indicator(
      int areaNo, String area, int standardNo, String standard, int no, String text, String grade) {
    /** Whether the wording was read in a source (V1–V3): U rows are never printed as official. */
    public boolean confirmed() {
      return !"U".equals(grade);
    }
  }

  public record StandardSet(String code, String name, String source, List<Indicator> indicators) {
    public Optional<Indicator> indicator(int no) {
      return indicators.stream().filter(i -> i.no() == no).findFirst();
    }

    /** Area number → the area's name, in order. */
    public Map<Integer, String> areas() {
      Map<Integer, String> out = new LinkedHashMap<>();
      indicators.forEach(i -> out.putIfAbsent(i.areaNo(), i.area()));
      return out;
    }
  }

  /** The set a school assesses against until it chooses another. */
  public static final String DEFAULT = "tt23-2010";

  private final Map<String, StandardSet> sets = new LinkedHashMap<>();

  StandardSets() {
    for (String[] row : rows("sets.csv")) {
      String code = row[0];
      List<Indicator> indicators = new ArrayList<>();
      for (String[] c : rows(code + ".csv")) {
        indicators.add(
            new Indicator(
                Integer.parseInt(c[0]),
                c[1],
                Integer.parseInt(c[2]),
                c[3],
                Integer.parseInt(c[4]),
                c[5],
                c[7]));
      }
      sets.put(code, new StandardSet(code, row[1], row[3], List.copyOf(indicators)));
    }
  }

  public List<StandardSet> all() {
    return List.copyOf(sets.values());
  }

  public Optional<StandardSet> set(String code) {
    return Optional.ofNullable(sets.get(code));
  }

  private static List<String[]> rows(String file) {
    List<String[]> out = new ArrayList<>();
    try (InputStream in =
            StandardSets.class.getResourceAsStream("/kindergarten/development/" + file);
        BufferedReader r =
            new BufferedReader(
                new InputStreamReader(Objects.requireNonNull(in, file), StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          out.add(Csv.split(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
