/**
 * Attendance: the daily roll per class and session (buổi sáng, buổi chiều) taken on a phone, the
 * month's sheet as the class book keeps it, warnings at the school's thresholds, and the term's
 * sessions absent handed to the grade book, which counts them for promotion (TT22 art. 12).
 *
 * <p>Null-marked: a type is non-null unless it says {@code @Nullable}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Attendance",
    allowedDependencies = {
      "platform",
      "platform :: xlsx",
      "org",
      "people",
      "enrolment",
      "control",
      "gradebook"
    })
@org.jspecify.annotations.NullMarked
package vn.truongso.attendance;
