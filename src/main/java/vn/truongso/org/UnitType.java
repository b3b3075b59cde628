package vn.truongso.org;

/** Kinds of organisation unit; labels in the org bundle ({@code unit.WARD_OFFICE}). */
public enum UnitType {
  MINISTRY,
  PROVINCE_DEPARTMENT,
  DISTRICT_OFFICE,
  WARD_OFFICE,
  SCHOOL;

  /** Which kinds may sit directly under this one. */
  public boolean mayContain(UnitType child) {
    return switch (this) {
      case MINISTRY -> child == PROVINCE_DEPARTMENT;
      case PROVINCE_DEPARTMENT ->
          child == DISTRICT_OFFICE || child == WARD_OFFICE || child == SCHOOL;
      case DISTRICT_OFFICE, WARD_OFFICE -> child == SCHOOL;
      case SCHOOL -> false;
    };
  }
}
