package vn.truongso.assessment;

/** One assessment's value: a score on the 10-point scale or a comment level. */
public sealed interface Mark permits Score, Comment {}
