package vn.truongso.enrolment.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.truongso.platform.TextFold;
import vn.truongso.platform.xlsx.XlsxRows;

/**
 * The columns of a class list. The template has them in this order (without the split name
 * columns); lists exported by other systems are mapped by their headers, folded (no diacritics, no
 * case), or by the user.
 */
public enum ImportColumn {
  FULL_NAME(true, "ho va ten", "ho ten", "ho va ten hoc sinh", "ho ten hoc sinh", "ten hoc sinh"),
  FAMILY_AND_MIDDLE(false, "ho va ten dem", "ho dem", "ho va dem", "ho"),
  GIVEN_NAME(false, "ten"),
  BIRTH_DATE(true, "ngay sinh", "ngay thang nam sinh", "ngay/thang/nam sinh", "ns"),
  SEX(true, "gioi tinh", "gioi", "nam/nu", "phai"),
  ETHNICITY(true, "dan toc"),
  PERSONAL_ID(
      true,
      "so dinh danh ca nhan",
      "so dinh danh",
      "ma dinh danh",
      "ma dinh danh ca nhan",
      "so cccd",
      "cccd",
      "can cuoc",
      "so can cuoc"),
  STUDENT_CODE(true, "ma hoc sinh", "ma hs", "ma so hoc sinh"),
  PLACE_OF_BIRTH(true, "noi sinh"),
  HOME_TOWN(true, "que quan"),
  CURRENT_ADDRESS(true, "cho o hien nay", "dia chi", "noi o hien nay", "dia chi thuong tru"),
  POLICY_STATUS(true, "dien chinh sach", "doi tuong chinh sach", "chinh sach"),
  FATHER_NAME(true, "ho ten cha", "ho va ten cha", "ten cha"),
  FATHER_PHONE(true, "so dien thoai cha", "sdt cha", "dien thoai cha"),
  MOTHER_NAME(true, "ho ten me", "ho va ten me", "ten me"),
  MOTHER_PHONE(true, "so dien thoai me", "sdt me", "dien thoai me");

  private final boolean inTemplate;
  private final Set<String> aliases;

  ImportColumn(boolean inTemplate, String... aliases) {
    this.inTemplate = inTemplate;
    this.aliases = Set.of(aliases);
  }

  public static List<ImportColumn> template() {
    return java.util.Arrays.stream(values()).filter(c -> c.inTemplate).toList();
  }

  /** The message key of the column's header. */
  public String headerKey() {
    return "import.column." + name();
  }

  /**
   * Which column of the file holds each field, guessed from the header row: the known names other
   * systems use, and our own headers in any language ({@code labels}, folded).
   */
  public static Map<ImportColumn, Integer> guess(
      XlsxRows.Row header, Map<String, ImportColumn> labels) {
    Map<ImportColumn, Integer> mapping = new EnumMap<>(ImportColumn.class);
    for (int i = 0; i < header.cells().size(); i++) {
      String folded = normal(header.cell(i));
      for (ImportColumn c : values()) {
        if (!mapping.containsKey(c) && (c.aliases.contains(folded) || labels.get(folded) == c)) {
          mapping.put(c, i);
          break;
        }
      }
    }
    return mapping;
  }

  /** A header folded, without notes in brackets and punctuation: "Ngày sinh (dd/mm/yyyy)". */
  public static String normal(String header) {
    return TextFold.fold(header.replaceAll("\\(.*?\\)", "")).replaceAll("[.:*]", "").strip();
  }
}
