package vn.truongso.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The audit page reads as words and masks personal ID numbers. */
class AuditRowsTests {

  @Test
  void aStateBecomesFieldLinesWithPersonalIdNumbersMasked() {
    assertThat(
            AuditRows.lines(
                "{\"fullName\":\"Nguyễn Văn An\",\"personalId\":\"031214000123\",\"grade\":7}"))
        .containsExactly("fullName: Nguyễn Văn An", "personalId: *********123", "grade: 7");
  }

  @Test
  void anIdNumberInsideTextIsMaskedButShorterOrLongerNumbersAreNot() {
    assertThat(AuditRows.mask("CCCD 031214000123, ĐT 0912345678, mã 1234567890123"))
        .isEqualTo("CCCD *********123, ĐT 0912345678, mã 1234567890123");
  }

  @Test
  void textThatIsNotJsonIsShownCutAndMasked() {
    assertThat(AuditRows.lines("lý do: 031214000123")).containsExactly("lý do: *********123");
    assertThat(AuditRows.lines(null)).isEmpty();
  }
}
