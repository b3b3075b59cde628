package vn.truongso.org;

/** A unit of the education administration tree; {@code path} is {@code /1/4/9/}. */
public record OrgUnit(
    long id,
    Long parentId,
    UnitType type,
    String code,
    String name,
    String wardCode,
    String path) {}
