/**
 * The grade book (sổ theo dõi và đánh giá học sinh): scores and comments entered by subject
 * teachers, conduct and absences by homeroom teachers, results computed by the circular's policy,
 * submission and approval. Also the stateless evaluation of one student's year.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Grade book",
    allowedDependencies = {
      "platform",
      "platform :: xlsx",
      "org",
      "people",
      "enrolment",
      "curriculum",
      "assessment",
      "control"
    })
package vn.truongso.gradebook;
