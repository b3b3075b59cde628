package vn.truongso.assessment;

import org.jspecify.annotations.Nullable;

/**
 * Conduct (rèn luyện, TT22 art. 8; hạnh kiểm, TT58): each term's level from the homeroom teacher;
 * {@code year} only where the circular has the teacher give it (TT58); {@code summer} the
 * re-assessment after summer training.
 */
public record ConductRecord(
    Level term1, Level term2, @Nullable Level year, @Nullable Level summer) {}
