package vn.truongso.platform;

import java.util.List;

/**
 * Published by the demo data, in its transaction, so that a newcomer can sign in the demo: the
 * module that keeps signing certificates links each signer to a certificate issued by a demo
 * certificate authority (named as such, of no legal value), opened with {@code pin}. Only the demo
 * publishes it.
 */
public record DemoSignersWanted(
    long schoolId, String schoolName, String pin, List<Signer> signers) {

  /** {@code seal}: the school's seal, registered by {@code accountId} (the principal). */
  public record Signer(long accountId, String displayName, boolean seal) {}
}
