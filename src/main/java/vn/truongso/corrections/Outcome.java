package vn.truongso.corrections;

/** What a decision or confirmation came to. */
public enum Outcome {
  DONE,
  /** the request waits for the other person's confirmation */
  WAITING,
  CARRIED_OUT,
  STALE
}
