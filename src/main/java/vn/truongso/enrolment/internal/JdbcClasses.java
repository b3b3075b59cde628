package vn.truongso.enrolment.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.enrolment.Classes;
import vn.truongso.people.People;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.ScopeDirectory;
import vn.truongso.platform.Target;

/**
 * The enrolment module's door ({@link Classes}) and its answers to identity's role pickers ({@link
 * ScopeDirectory}); it owns the transactions and hands each call to the class that owns the tables:
 * {@link ClassStore} (classes, rosters), {@link EnrolmentStore} (enrolments, movements, the
 * register), {@link TransferRequests}, {@link RollOver} and {@link SizeReport}.
 */
@Service
@Transactional
class JdbcClasses implements Classes, ScopeDirectory {

  private final ClassStore classes;
  private final EnrolmentStore enrolments;
  private final TransferRequests transfers;
  private final RollOver rollOver;
  private final SizeReport sizes;
  private final Authorization authorization;

  JdbcClasses(
      ClassStore classes,
      EnrolmentStore enrolments,
      TransferRequests transfers,
      RollOver rollOver,
      SizeReport sizes,
      Authorization authorization) {
    this.classes = classes;
    this.enrolments = enrolments;
    this.transfers = transfers;
    this.rollOver = rollOver;
    this.sizes = sizes;
    this.authorization = authorization;
  }

  // ---- Classes and rosters

  @Override
  public long createClass(long schoolId, NewClass c) {
    return classes.createClass(schoolId, c);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<SchoolClass> schoolClass(long schoolId, long classId) {
    return classes.schoolClass(schoolId, classId);
  }

  @Override
  @Transactional(readOnly = true)
  public List<SchoolClass> classes(long schoolId, int startYear) {
    return classes.classes(schoolId, startYear);
  }

  @Override
  @Transactional(readOnly = true)
  public List<People.Student> roster(long schoolId, long classId, LocalDate on) {
    return classes.roster(schoolId, classId, on);
  }

  @Override
  public List<Leaver> leavers(long schoolId, long classId, LocalDate until) {
    return classes.leavers(schoolId, classId, until);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Long> classOf(long schoolId, long studentId, LocalDate on) {
    return classes.classOf(schoolId, studentId, on);
  }

  @Override
  @Transactional(readOnly = true)
  public int countStudents(long schoolId, int startYear, LocalDate on) {
    return classes.countStudents(schoolId, startYear, on);
  }

  // ---- Enrolments, movements and the register

  @Override
  public void enrol(long schoolId, long classId, long studentId, LocalDate from) {
    enrolments.enrol(schoolId, classId, studentId, from);
  }

  @Override
  public void enrolTransferIn(
      long schoolId, long classId, long studentId, LocalDate from, String fromSchool) {
    enrolments.enrolTransferIn(schoolId, classId, studentId, from, fromSchool);
  }

  @Override
  public void changeClass(
      long schoolId, long studentId, long toClassId, LocalDate on, String note) {
    enrolments.changeClass(schoolId, studentId, toClassId, on, note);
  }

  @Override
  public void dropOut(long schoolId, long studentId, LocalDate on, String reason) {
    enrolments.dropOut(schoolId, studentId, on, reason);
  }

  @Override
  public void returnAfterDropOut(long schoolId, long studentId, long classId, LocalDate on) {
    enrolments.returnAfterDropOut(schoolId, studentId, classId, on);
  }

  @Override
  public void transferOut(
      long schoolId, long studentId, LocalDate on, String destination, String reason) {
    enrolments.transferOut(schoolId, studentId, on, destination, reason);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Movement> history(long schoolId, long studentId) {
    return enrolments.history(schoolId, studentId);
  }

  @Override
  @Transactional(readOnly = true)
  public List<RegisterEntry> register(long schoolId) {
    return enrolments.register(schoolId);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<RegisterEntry> registerEntry(long schoolId, long studentId) {
    return enrolments.registerEntry(schoolId, studentId);
  }

  @Override
  @Transactional(readOnly = true)
  public List<RegisterEntry> registerOfCohort(long schoolId, int startYear) {
    authorization.require(Action.PRINT_BOOKS, Target.school(schoolId));
    return enrolments.registerOfCohort(schoolId, startYear);
  }

  // ---- Transfers between schools on TruongSo

  @Override
  public long transferOutTo(
      long schoolId, long studentId, LocalDate on, long toSchoolId, String reason) {
    return transfers.transferOutTo(schoolId, studentId, on, toSchoolId, reason);
  }

  @Override
  @Transactional(readOnly = true)
  public List<TransferRequest> pendingTransfersTo(long schoolId) {
    return transfers.pendingTransfersTo(schoolId);
  }

  @Override
  @Transactional(readOnly = true)
  public List<TransferRequest> transfersOf(long schoolId, long studentId) {
    return transfers.transfersOf(schoolId, studentId);
  }

  @Override
  public long acceptTransfer(long schoolId, long requestId, long classId, LocalDate on) {
    return transfers.acceptTransfer(schoolId, requestId, classId, on);
  }

  @Override
  public void declineTransfer(long schoolId, long requestId, String note) {
    transfers.declineTransfer(schoolId, requestId, note);
  }

  @Override
  @Transactional(readOnly = true)
  public List<PriorSchool> priorSchools(long schoolId, long studentId) {
    return transfers.priorSchools(schoolId, studentId);
  }

  // ---- Year roll-over and class-size changes

  @Override
  @Transactional(readOnly = true)
  public RollOverPlan planRollOver(long schoolId, int fromYear, Set<Long> repeaters) {
    return rollOver.plan(schoolId, fromYear, repeaters);
  }

  @Override
  public RollOverPlan rollOver(long schoolId, int fromYear, Set<Long> repeaters) {
    return rollOver.rollOver(schoolId, fromYear, repeaters);
  }

  @Override
  @Transactional(readOnly = true)
  public List<SizeChange> sizeChanges(
      long schoolId, int startYear, LocalDate first, LocalDate last) {
    return sizes.sizeChanges(schoolId, startYear, first, last);
  }

  // ---- ScopeDirectory: classes and students for role pickers in identity

  @Override
  @Transactional(readOnly = true)
  public List<Option> classOptions(long schoolId, int startYear) {
    return classes.classOptions(schoolId, startYear);
  }

  @Override
  public List<Option> subjectOptions(long schoolId) {
    return List.of(); // curriculum's directory answers for subjects
  }

  @Override
  @Transactional(readOnly = true)
  public boolean classBelongs(long schoolId, long classId, Integer startYear) {
    return classes.classBelongs(schoolId, classId, startYear);
  }

  @Override
  @Transactional(readOnly = true)
  public boolean studentBelongs(long schoolId, long studentId) {
    return classes.studentBelongs(schoolId, studentId);
  }
}
