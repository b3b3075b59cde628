package vn.truongso.assessment;

import java.math.BigDecimal;

/**
 * A subject's computed results: averages for a scored subject (one decimal), Đạt / Chưa đạt for a
 * comment subject. {@code yearAfterRetest} is the year value once the summer re-assessment replaced
 * it. An exempt subject left out of the year (TT58) has nothing but {@code exempt}.
 */
public record SubjectResult(
    String code,
    SubjectKind kind,
    boolean exempt,
    BigDecimal term1Average,
    BigDecimal term2Average,
    BigDecimal yearAverage,
    Comment term1Result,
    Comment term2Result,
    Comment yearResult,
    Mark yearAfterRetest) {}
