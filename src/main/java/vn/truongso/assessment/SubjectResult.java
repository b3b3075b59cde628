package vn.truongso.assessment;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A subject's computed results: averages for a scored subject (one decimal), Đạt / Chưa đạt for a
 * comment subject. {@code yearAfterRetest} is the year value once the summer re-assessment replaced
 * it. An exempt subject left out of the year (TT58) has nothing but {@code exempt}.
 */
public record SubjectResult(
    String code,
    SubjectKind kind,
    boolean exempt,
    @Nullable BigDecimal term1Average,
    @Nullable BigDecimal term2Average,
    @Nullable BigDecimal yearAverage,
    @Nullable Comment term1Result,
    @Nullable Comment term2Result,
    @Nullable Comment yearResult,
    @Nullable Mark yearAfterRetest) {}
