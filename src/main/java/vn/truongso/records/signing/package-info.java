/**
 * Signatures on the official records: PAdES on the printed PDF, XAdES (enveloped) on the học bạ số
 * XML, made and checked with the EU's Digital Signature Service library, never a format of our own.
 * A named interface so that the year-end archive and the commands may use it.
 */
@org.springframework.modulith.NamedInterface("signing")
@org.jspecify.annotations.NullMarked
package vn.truongso.records.signing;
