package vn.truongso.platform;

import java.util.List;

/**
 * Scopes that follow from a teaching assignment rather than from a role given by hand: the
 * vice-principal's assignment of a teacher to a class and subject is what lets the teacher enter
 * that subject's marks (BA-HBS: "chỉ nhập điểm lớp, môn được phân công"). Curriculum implements it;
 * identity turns each target into a subject-teacher grant, so that changing an assignment changes
 * the teacher's rights on the next request, with no role to grant or revoke.
 */
public interface TeachingScopes {

  /** The classes and subjects (with their school year) a staff member is assigned to teach. */
  List<Target> taughtBy(long schoolId, long staffId);
}
