package vn.truongso.support;

import vn.truongso.platform.PersonName;

/**
 * Vietnamese names for generated students and their mothers in the print benchmarks: varied enough
 * that a page's rows differ, every diacritic the Tinos font must carry among them.
 */
public final class GeneratedNames {

  private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng"};
  private static final String[] MIDDLE = {"Văn", "Thị", "Minh", "Quốc", "Thu", "Đức", "Ngọc"};
  private static final String[] GIVEN = {
    "An", "Bình", "Châu", "Dũng", "Hà", "Khang", "Lan", "Minh", "Nga", "Phúc", "Quyên", "Sơn",
    "Thảo", "Uyên", "Vinh"
  };

  private GeneratedNames() {}

  /** The {@code i}-th student's name. */
  public static PersonName student(int i) {
    return new PersonName(
        FAMILY[i % FAMILY.length], MIDDLE[(i / 3) % MIDDLE.length], GIVEN[i % GIVEN.length]);
  }

  /** The {@code i}-th student's mother's full name. */
  public static String mother(int i) {
    return "Phạm Thị Hoa " + GIVEN[i % GIVEN.length];
  }
}
