package vn.truongso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lists of people sort by given name, middle name, family name, with Vietnamese collation. */
class PersonNameTests {

  @Test
  void sortsByGivenNameTheVietnameseWay() {
    List<PersonName> names =
        new ArrayList<>(
            List.of(
                PersonName.parse("Nguyễn Văn Đức"),
                PersonName.parse("Trần Thị Ánh"),
                PersonName.parse("Lê Văn Dũng"),
                PersonName.parse("Phạm Ân"),
                PersonName.parse("Vũ Thị Bình"),
                PersonName.parse("Hoàng An")));
    names.sort(PersonName.VIETNAMESE_ORDER);
    assertThat(names.stream().map(PersonName::given))
        .containsExactly("An", "Ánh", "Ân", "Bình", "Dũng", "Đức");
  }

  @Test
  void sameGivenNameFallsBackToMiddleThenFamilyName() {
    List<PersonName> names =
        new ArrayList<>(
            List.of(
                PersonName.parse("Trần Văn An"),
                PersonName.parse("Lê Thị An"),
                PersonName.parse("Bùi Văn An")));
    names.sort(PersonName.VIETNAMESE_ORDER);
    assertThat(names.stream().map(PersonName::full))
        .containsExactly("Lê Thị An", "Bùi Văn An", "Trần Văn An");
  }

  @Test
  void splitsAndNormalisesAFullName() {
    String decomposed = Normalizer.normalize("  Nguyễn   Thị  Minh Khai ", Normalizer.Form.NFD);
    PersonName name = PersonName.parse(decomposed);
    assertThat(name.family()).isEqualTo("Nguyễn");
    assertThat(name.middle()).isEqualTo("Thị Minh");
    assertThat(name.given()).isEqualTo("Khai");
    assertThat(name.full()).isEqualTo("Nguyễn Thị Minh Khai");
    assertThat(Normalizer.isNormalized(name.full(), Normalizer.Form.NFC)).isTrue();
  }
}
