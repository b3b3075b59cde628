package vn.truongso.enrolment.internal;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.enrolment.Classes;
import vn.truongso.platform.Action;
import vn.truongso.platform.Authorization;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Target;

/** The receiving school's side of a transfer on TruongSo: the office accepts or declines. */
@Service
public class TransfersIn {

  private final Classes classes;
  private final Authorization authorization;

  TransfersIn(Classes classes, Authorization authorization) {
    this.classes = classes;
    this.authorization = authorization;
  }

  public boolean mayReceive(long schoolId) {
    return authorization.permits(Action.ENROL_STUDENTS, Target.school(schoolId));
  }

  @Transactional(readOnly = true)
  public List<Classes.TransferRequest> pending(long schoolId) {
    require(schoolId);
    return classes.pendingTransfersTo(schoolId);
  }

  @Transactional
  public long accept(long schoolId, long requestId, long classId, String on) {
    require(schoolId);
    return classes.acceptTransfer(schoolId, requestId, classId, StudentMovements.day(on));
  }

  @Transactional
  public void decline(long schoolId, long requestId, String note) {
    require(schoolId);
    classes.declineTransfer(schoolId, requestId, note);
  }

  private void require(long schoolId) {
    if (!mayReceive(schoolId)) {
      throw new NotFoundException("school");
    }
  }
}
