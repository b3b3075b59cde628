package vn.truongso.corrections;

/** A cell of a request: its value when filed (and the stamp that tells a later change). */
public record Item(
    int n,
    long studentId,
    String studentName,
    String slot,
    String oldText,
    String oldStamp,
    String newText) {}
