package vn.truongso.architecture.planted;

import java.time.LocalDate;

/** Planted: a controller outside a web package, asking the system for now, using java.util.Date. */
@org.springframework.stereotype.Controller
public class Misplaced {
  public LocalDate today() {
    return LocalDate.now();
  }

  public java.util.Date legacy() {
    return new java.util.Date(0);
  }
}
