package vn.truongso.corrections;

/** What the user may do with a request now. */
public record Rights(
    boolean decide,
    boolean confirmAsTeacher,
    boolean confirmAsAdmin,
    boolean withdraw,
    boolean addEvidence) {}
