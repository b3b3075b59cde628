package vn.truongso.people;

/**
 * A guardian's link to a student was removed by the school (custody changed, a wrong link
 * corrected), published in the transaction that removes it: whoever gave the guardian rights over
 * the student takes them back in the same transaction, so access ends at once (Law 91/2025 art. on
 * children's data: only those with parental rights may see it).
 */
public record GuardianUnlinked(long schoolId, long studentId, long guardianId) {}
