package vn.truongso.assessment;

import java.util.List;

/**
 * One circular's way of assessing a student's school year: the secondary branch (TT22/2021, and
 * TT58/2011 as amended by TT26/2020, for past years) and the primary branch (TT27/2020). The family
 * is sealed so that a {@code switch} over a policy names every branch and the compiler finds each
 * place a new branch must be handled; each branch stays open to its circulars.
 */
public sealed interface AssessmentPolicy permits SecondaryPolicy, PrimaryPolicy {

  PolicyCode code();

  /**
   * The columns of a subject's score sheet in a term, in order: what the subject teacher enters for
   * one student. The grade book draws its sheet, checks a saved cell and reads a file from these.
   */
  List<Slot> sheetSlots(SubjectKind kind, int periodsPerYear);
}
