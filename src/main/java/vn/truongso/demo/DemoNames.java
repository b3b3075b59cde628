package vn.truongso.demo;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import vn.truongso.people.PersonalId;
import vn.truongso.people.Sex;
import vn.truongso.platform.PersonName;

/**
 * Realistic Vietnamese names (with diacritics, both sexes, some of ethnic minorities), birth dates
 * that fit a grade, and well-formed personal identification numbers; deterministic for a seed.
 */
final class DemoNames {

  private static final List<String> FAMILY =
      List.of(
          "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
          "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Mai", "Cao");
  private static final List<String> MIDDLE_M =
      List.of("Văn", "Đức", "Minh", "Quang", "Hữu", "Thành", "Gia", "Anh", "Tuấn", "Hoàng");
  private static final List<String> MIDDLE_F =
      List.of("Thị", "Ngọc", "Thu", "Thanh", "Minh", "Khánh", "Bảo", "Phương", "Hải", "Diệu");
  private static final List<String> GIVEN_M =
      List.of(
          "An", "Bảo", "Cường", "Dũng", "Đức", "Hải", "Hiếu", "Hoàng", "Huy", "Khang", "Khoa",
          "Long", "Minh", "Nam", "Phúc", "Quân", "Sơn", "Thắng", "Trung", "Tuấn", "Việt", "Vinh",
          "Ân", "Bình", "Đạt", "Khôi", "Lâm", "Tùng");
  private static final List<String> GIVEN_F =
      List.of(
          "Anh", "Ánh", "Chi", "Diệp", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai",
          "My", "Ngân", "Ngọc", "Nhi", "Oanh", "Phương", "Quyên", "Thảo", "Trang", "Vy", "Yến",
          "Ân", "Đào", "Uyên");
  // Ethnic minorities living in the north: family names that go with each group.
  private static final List<Minority> MINORITIES =
      List.of(
          new Minority("02", List.of("Hà", "Nông", "Hoàng"), List.of("Văn", "Thị")),
          new Minority("03", List.of("Lò", "Cầm", "Lường"), List.of("Văn", "Thị")),
          new Minority("04", List.of("Đinh", "Bùi", "Quách"), List.of("Văn", "Thị")),
          new Minority("07", List.of("Nông", "Lục", "Vi"), List.of("Văn", "Thị")),
          new Minority("08", List.of("Sùng", "Giàng", "Vàng"), List.of("A", "Thị")));

  private final Random random;
  private final Set<String> usedIds = new HashSet<>();

  DemoNames(long seed) {
    this.random = new Random(seed);
  }

  Person student(int birthYear, double minorityShare) {
    Sex sex = random.nextBoolean() ? Sex.M : Sex.F;
    LocalDate birth = LocalDate.of(birthYear, 1, 1).plusDays(random.nextInt(365));
    String ethnicity = "01";
    PersonName name;
    if (random.nextDouble() < minorityShare) {
      Minority m = MINORITIES.get(random.nextInt(MINORITIES.size()));
      ethnicity = m.code();
      name =
          new PersonName(
              pick(m.families()),
              sex == Sex.M ? m.middles().get(0) : m.middles().get(1),
              given(sex));
    } else {
      name = new PersonName(pick(FAMILY), pick(sex == Sex.M ? MIDDLE_M : MIDDLE_F), given(sex));
    }
    return new Person(name, birth, sex, ethnicity, personalId(birth, sex));
  }

  Person adult(Sex sex, int birthYear) {
    LocalDate birth = LocalDate.of(birthYear, 1, 1).plusDays(random.nextInt(365));
    PersonName name =
        new PersonName(pick(FAMILY), pick(sex == Sex.M ? MIDDLE_M : MIDDLE_F), given(sex));
    return new Person(name, birth, sex, "01", personalId(birth, sex));
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  private String given(Sex sex) {
    return pick(sex == Sex.M ? GIVEN_M : GIVEN_F);
  }

  private PersonalId personalId(LocalDate birth, Sex sex) {
    // Born and registered in Hải Phòng (031).
    String prefix = PersonalId.prefix("031", birth, sex);
    String id;
    do {
      id = prefix + String.format("%06d", random.nextInt(1_000_000));
    } while (!usedIds.add(id));
    return PersonalId.of(id);
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  record Person(
      PersonName name, LocalDate birthDate, Sex sex, String ethnicityCode, PersonalId personalId) {}

  private record Minority(String code, List<String> families, List<String> middles) {}
}
