package vn.truongso.org;

import java.util.Set;

/** A school; its id is the org unit's id and the tenant key ({@code school_id}) of its data. */
public record School(
    long id,
    String code,
    String name,
    Set<SchoolLevel> levels,
    String provinceCode,
    String provinceName,
    String wardCode,
    String wardName,
    String addressDetail,
    String principalName,
    String path) {}
