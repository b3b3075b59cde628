package vn.truongso.corrections;

import java.time.Instant;

/** A file of evidence kept with a request, without its content. */
public record Evidence(
    long id, String fileName, String mediaType, int size, String sha256, Instant uploadedAt) {}
