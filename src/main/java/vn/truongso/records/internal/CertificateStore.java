package vn.truongso.records.internal;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.truongso.platform.AuthenticatedUser;
import vn.truongso.platform.NotFoundException;
import vn.truongso.records.internal.SigningCertificates.Kind;
import vn.truongso.records.internal.SigningCertificates.Linked;
import vn.truongso.records.internal.SigningCertificates.Purpose;
import vn.truongso.records.signing.CertificateCheck;

/** The linked certificates' rows; withdrawn links stay, for the signatures made with them. */
@Repository
class CertificateStore {

  private final JdbcClient jdbc;

  CertificateStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Stored(
      Linked linked,
      @Nullable Long accountId,
      X509Certificate certificate,
      byte @Nullable [] pkcs12,
      @Nullable Integer slot) {}

  Stored stored(long schoolId, long id) {
    return jdbc.sql(
            "SELECT * FROM signing_certificate WHERE school_id = :school AND id = :id"
                + " AND withdrawn_at IS NULL")
        .param("school", schoolId)
        .param("id", id)
        .query(
            (rs, n) ->
                new Stored(
                    linked(rs),
                    rs.getObject("account_id", Long.class),
                    certificate(rs.getBytes("certificate")),
                    rs.getBytes("pkcs12"),
                    rs.getObject("token_slot", Integer.class)))
        .optional()
        .orElseThrow(() -> new NotFoundException("certificate"));
  }

  long insert(
      long schoolId,
      AuthenticatedUser user,
      Purpose purpose,
      X509Certificate c,
      Kind kind,
      byte @Nullable [] pkcs12,
      @Nullable Integer slot,
      Instant at) {
    try {
      return jdbc.sql(
              "INSERT INTO signing_certificate (school_id, purpose, account_id, kind, subject,"
                  + " issuer, serial, not_before, not_after, certificate, pkcs12, token_slot,"
                  + " registered_by, registered_at) VALUES (:school, :purpose, :account, :kind,"
                  + " :subject, :issuer, :serial, :from, :to, :der, :p12, :slot, :by, :at)"
                  + " RETURNING id")
          .param("school", schoolId)
          .param("purpose", purpose.name())
          .param("account", purpose == Purpose.PERSONAL ? user.accountId() : null)
          .param("kind", kind.name())
          .param("subject", c.getSubjectX500Principal().getName())
          .param("issuer", c.getIssuerX500Principal().getName())
          .param("serial", c.getSerialNumber().toString(16))
          .param("from", java.sql.Timestamp.from(CertificateCheck.validFrom(c)))
          .param("to", java.sql.Timestamp.from(CertificateCheck.validUntil(c)))
          .param("der", c.getEncoded())
          .param("p12", pkcs12)
          .param("slot", slot)
          .param("by", user.accountId())
          .param("at", java.sql.Timestamp.from(at))
          .query(Long.class)
          .single();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  List<Linked> select(String where, long schoolId, long accountId) {
    return jdbc.sql(
            "SELECT * FROM signing_certificate WHERE school_id = :school AND withdrawn_at IS NULL"
                + " AND "
                + where
                + " ORDER BY not_after DESC, id")
        .param("school", schoolId)
        .param("account", accountId)
        .query((rs, n) -> linked(rs))
        .list();
  }

  int countWrongPin(long schoolId, long id) {
    return jdbc.sql(
            "UPDATE signing_certificate SET failed_pins = failed_pins + 1"
                + " WHERE school_id = :s AND id = :id RETURNING failed_pins")
        .param("s", schoolId)
        .param("id", id)
        .query(Integer.class)
        .single();
  }

  void resetPins(long schoolId, long id) {
    jdbc.sql("UPDATE signing_certificate SET failed_pins = 0 WHERE school_id = :s AND id = :id")
        .param("s", schoolId)
        .param("id", id)
        .update();
  }

  void withdraw(long schoolId, long id, Instant at) {
    jdbc.sql(
            "UPDATE signing_certificate SET withdrawn_at = :at"
                + " WHERE school_id = :school AND id = :id AND withdrawn_at IS NULL")
        .param("at", java.sql.Timestamp.from(at))
        .param("school", schoolId)
        .param("id", id)
        .update();
  }

  private static Linked linked(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Linked(
        rs.getLong("id"),
        Purpose.valueOf(rs.getString("purpose")),
        Kind.valueOf(rs.getString("kind")),
        rs.getString("subject"),
        rs.getString("issuer"),
        rs.getString("serial"),
        rs.getTimestamp("not_before").toInstant(),
        rs.getTimestamp("not_after").toInstant(),
        rs.getInt("failed_pins"));
  }

  private static X509Certificate certificate(byte[] der) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw new IllegalStateException(e);
    }
  }
}
