package vn.truongso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Search normalisation: what a user types without diacritics finds the Vietnamese name. */
class TextFoldTests {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Nguyễn Văn An           | nguyen van an
          NGUYỄN   VĂN  AN        | nguyen van an
          Đặng Thị Hoà            | dang thi hoa
          Đặng Thị Hòa            | dang thi hoa
          Phạm Quang Ánh          | pham quang anh
          Ngày/tháng/năm sinh     | ngay/thang/nam sinh
          """)
  void foldsDiacriticsCaseAndSpaces(String text, String folded) {
    assertThat(TextFold.fold(text)).isEqualTo(folded);
  }

  @ParameterizedTest(name = "NFD input {0}")
  @CsvSource({"Nguye\u0302\u0303n, nguyen", "Ho\u0300a, hoa"})
  void decomposedInputFoldsAlike(String text, String folded) {
    assertThat(TextFold.fold(text)).isEqualTo(folded);
  }
}
