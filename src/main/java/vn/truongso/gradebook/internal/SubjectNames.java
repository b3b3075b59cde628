package vn.truongso.gradebook.internal;

import java.util.HashMap;
import java.util.Map;
import vn.truongso.curriculum.Teaching;

/** Subjects' names for one report, each looked up once per grade; the code when none is known. */
final class SubjectNames {

  private final Teaching teaching;
  private final Map<String, String> names = new HashMap<>();

  SubjectNames(Teaching teaching) {
    this.teaching = teaching;
  }

  String of(int grade, String code) {
    return names.computeIfAbsent(
        grade + "/" + code,
        k -> teaching.subject(grade, code).map(Teaching.ProgrammeSubject::name).orElse(code));
  }
}
