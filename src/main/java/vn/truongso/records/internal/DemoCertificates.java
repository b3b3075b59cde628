package vn.truongso.records.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.truongso.platform.AuditEvent;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.DemoSignersWanted;
import vn.truongso.records.internal.SigningCertificates.Kind;
import vn.truongso.records.internal.SigningCertificates.Purpose;
import vn.truongso.records.signing.DemoAuthority;

/**
 * Links the demo's signers to certificates of a {@link DemoAuthority}, as if each had uploaded a
 * PKCS#12 file: a teacher's names the teacher, the seal names the school, so that the checks made
 * at signing time pass as they would for a real certificate.
 */
@Component
class DemoCertificates {

  private final CertificateStore store;
  private final AuditLog audit;
  private final Clock clock;

  DemoCertificates(CertificateStore store, AuditLog audit, Clock clock) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  @EventListener
  void link(DemoSignersWanted wanted) {
    Instant now = clock.instant();
    DemoAuthority ca = new DemoAuthority(now.minus(Duration.ofDays(1)));
    char[] pin = wanted.pin().toCharArray();
    for (DemoSignersWanted.Signer s : wanted.signers()) {
      DemoAuthority.Issued issued =
          s.seal()
              ? ca.issue(wanted.schoolName(), wanted.schoolName(), pin)
              : ca.issue(s.displayName(), "", pin);
      Purpose purpose = s.seal() ? Purpose.SEAL : Purpose.PERSONAL;
      AuthenticatedUser owner =
          new AuthenticatedUser(s.accountId(), s.displayName(), s.displayName(), "demo");
      long id =
          store.insert(
              wanted.schoolId(),
              owner,
              purpose,
              issued.certificate(),
              Kind.PKCS12,
              issued.pkcs12(),
              null,
              now);
      audit.record(
          AuditEvent.of(
                  wanted.schoolId(),
                  "records.certificate.linked",
                  "certificate",
                  String.valueOf(id))
              .after(
                  Map.of("purpose", purpose.name(), "kind", "PKCS12", "issuer", DemoAuthority.NAME))
              .because("demo"));
    }
  }
}
