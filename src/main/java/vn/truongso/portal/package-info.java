/**
 * The families' portal: a guardian's children (a student: themself), each with what the school has
 * published of the grade book, attendance day by day and the family's absence requests; made for a
 * cheap phone on a weak connection (light pages, installable, the last page shown offline with its
 * age). It reads other modules through their public APIs and nothing depends on it.
 *
 * <p>Null-marked: a type is non-null unless it says {@code @Nullable}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Families' portal",
    allowedDependencies = {
      "platform",
      "org",
      "people",
      "enrolment",
      "gradebook",
      "attendance",
      "messaging"
    })
@org.jspecify.annotations.NullMarked
package vn.truongso.portal;
