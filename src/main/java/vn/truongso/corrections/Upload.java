package vn.truongso.corrections;

/** A file of evidence as sent, not yet checked. */
public record Upload(String fileName, byte[] content) {}
