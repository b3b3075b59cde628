package vn.truongso.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.truongso.assessment.PrimaryPoint;
import vn.truongso.control.EntryLocks;
import vn.truongso.gradebook.internal.PrimaryEntry;
import vn.truongso.gradebook.internal.PrimaryEntry.Typed;
import vn.truongso.identity.Role;
import vn.truongso.org.SchoolLevel;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.InvalidInput;
import vn.truongso.platform.UserInputException;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;
import vn.truongso.support.TestOrg;

/**
 * Entry in the primary grade book (TT27/2020): a subject teacher's level, comment and whole-number
 * score where the grade's plan has a test at that point (art. 7), the homeroom teacher's quality
 * levels (art. 6.2); each wrong value named on its field with nothing saved, an older version
 * refused, another subject's or a secondary class's book refused.
 */
@SpringBootTest
class PrimaryEntryIntegrationTests {

  @Autowired PrimaryEntry entry;
  @Autowired TestClasses testClasses;
  @Autowired TestOrg org;
  @Autowired JdbcClient jdbc;
  @Autowired TestAccounts accounts;
  @Autowired EntryLocks locks;

  @Test
  void aSubjectTeacherEntersLevelsCommentsAndScoresWhereTheGradeHasATest() {
    TestClasses.Taught t = testClasses.taughtIn(org.school(SchoolLevel.PRIMARY), 4, "toan", 1);
    long pupil = t.students().get(0);
    as(t.subjectTeacher().signedIn());
    // TT27 art. 7.1: grade 4 tests Toán at mid-term I too
    int v1 = save(t, PrimaryPoint.GHKI, pupil, new Typed("t", "Tính nhanh, cẩn thận.", "9", 0));
    assertThat(v1).isEqualTo(1);
    assertThat(save(t, PrimaryPoint.GHKI, pupil, new Typed("H", "", "8,0", 1))).isEqualTo(2);
    assertThat(
            jdbc.sql(
                    "SELECT level || ':' || score FROM primary_assessment WHERE class_id = ? AND"
                        + " point = 'GHKI'")
                .param(t.classId())
                .query(String.class)
                .single())
        .isEqualTo("H:8");

    assertThat(
            errors(
                () -> save(t, PrimaryPoint.CN, pupil, new Typed("X", "x".repeat(501), "7.5", 0))))
        .isEqualTo(
            "comment=gradebook.primary.comment.tooLong,level=gradebook.primary.subject.level,"
                + "score=assessment.problem.primary.score.decimal");
    assertThatThrownBy(() -> save(t, PrimaryPoint.CN, pupil, new Typed("T", "", "", 5)))
        .isInstanceOf(UserInputException.class)
        .hasMessage("gradebook.primary.conflict");
    assertThat(
            jdbc.sql("SELECT count(*) FROM primary_assessment WHERE class_id = ? AND point = 'CN'")
                .param(t.classId())
                .query(Integer.class)
                .single())
        .isZero();
    // another subject's book is not this teacher's
    assertThatThrownBy(
            () ->
                entry.saveSubject(
                    user(),
                    t.school().id(),
                    t.classId(),
                    "tieng_viet",
                    PrimaryPoint.CN,
                    pupil,
                    new Typed("T", "", "", 0)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aTestAtAPointTheGradeHasNoneIsRefused() {
    TestClasses.Taught t = testClasses.taughtIn(org.school(SchoolLevel.PRIMARY), 2, "toan", 1);
    as(t.subjectTeacher().signedIn());
    // TT27 art. 7.1: grades 1–3 test Toán only at the end of term I and of the year
    assertThat(
            errors(
                () -> save(t, PrimaryPoint.GHKI, t.students().get(0), new Typed("T", "", "9", 0))))
        .isEqualTo("score=gradebook.primary.score.noTest");
    assertThat(save(t, PrimaryPoint.CHKI, t.students().get(0), new Typed("T", "", "9", 0)))
        .isEqualTo(1);
  }

  @Test
  void theHomeroomTeacherEntersQualitiesAndASecondaryClassIsRefused() {
    TestClasses.Taught t = testClasses.taughtIn(org.school(SchoolLevel.PRIMARY), 3, "toan", 1);
    long pupil = t.students().get(0);
    as(t.homeroomTeacher().signedIn());
    assertThat(
            entry.saveQuality(
                user(),
                t.school().id(),
                t.classId(),
                "CHAM_CHI",
                PrimaryPoint.CN,
                pupil,
                new Typed("đ", "Chăm chỉ, tự giác.", "", 0)))
        .isEqualTo(1);
    assertThat(
            errors(
                () ->
                    entry.saveQuality(
                        user(),
                        t.school().id(),
                        t.classId(),
                        "NGON_NGU",
                        PrimaryPoint.CN,
                        pupil,
                        new Typed("H", "", "", 0))))
        .isEqualTo("level=gradebook.primary.quality.level");
    TestClasses.Taught secondary = testClasses.taught(7, "toan", 1);
    as(secondary.subjectTeacher().signedIn());
    assertThatThrownBy(
            () ->
                entry.saveSubject(
                    user(),
                    secondary.school().id(),
                    secondary.classId(),
                    "toan",
                    PrimaryPoint.CN,
                    secondary.students().get(0),
                    new Typed("T", "", "", 0)))
        .isInstanceOf(UserInputException.class)
        .hasMessage("gradebook.primary.notPrimary");
  }

  @Test
  void thePrincipalsLockOfATermClosesItsPointsAsItClosesSecondaryMarks() {
    TestClasses.Taught t = testClasses.taughtIn(org.school(SchoolLevel.PRIMARY), 3, "toan", 1);
    long pupil = t.students().get(0);
    var principal =
        accounts.create(t.school(), Role.PRINCIPAL, "Hiệu trưởng", "Mat-Khau-Manh-2026", false);
    as(principal.signedIn());
    // the second term holds its mid-term point and the end of the year (TT27 art. 9.1)
    locks.lock(
        user(),
        t.school().id(),
        2026,
        new EntryLocks.Scope(2, null, t.classId(), null, null),
        false,
        "Khóa sổ cuối năm",
        "");
    as(t.subjectTeacher().signedIn());
    assertThatThrownBy(() -> save(t, PrimaryPoint.CN, pupil, new Typed("T", "", "9", 0)))
        .isInstanceOf(UserInputException.class)
        .hasMessage("control.locked");
    assertThat(entry.sheet(t.school().id(), t.classId(), "toan", PrimaryPoint.CN).closed().key())
        .isEqualTo("control.locked");
    as(t.homeroomTeacher().signedIn());
    assertThatThrownBy(
            () ->
                entry.saveQuality(
                    user(),
                    t.school().id(),
                    t.classId(),
                    "TRUNG_THUC",
                    PrimaryPoint.CN,
                    pupil,
                    new Typed("T", "", "", 0)))
        .hasMessage("control.locked");
    // the first term's points stay open
    as(t.subjectTeacher().signedIn());
    assertThat(save(t, PrimaryPoint.CHKI, pupil, new Typed("T", "", "9", 0))).isEqualTo(1);
    assertThat(entry.sheet(t.school().id(), t.classId(), "toan", PrimaryPoint.GHKI).closed())
        .isNull();
  }

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  private int save(TestClasses.Taught t, PrimaryPoint point, long pupil, Typed typed) {
    return entry.saveSubject(user(), t.school().id(), t.classId(), "toan", point, pupil, typed);
  }

  private static String errors(Runnable action) {
    try {
      action.run();
      return "";
    } catch (InvalidInput e) {
      return e.errors().stream()
          .map(f -> f.field() + "=" + f.messageKey())
          .sorted()
          .collect(Collectors.joining(","));
    }
  }

  private static void as(Authentication who) {
    SecurityContextHolder.getContext().setAuthentication(who);
  }

  private static AuthenticatedUser user() {
    return (AuthenticatedUser)
        SecurityContextHolder.getContext().getAuthentication().getPrincipal();
  }
}
