/**
 * Demo data: a province, a ward office, a lower-secondary, a primary school and a kindergarten with
 * staff, classes, students, guardians and an account for every role; last year's 9A1 with its year
 * approved, demo certificates, so that a newcomer can sign its học bạ, and the last school week's
 * rolls. On only with the embedded database; nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Demo data",
    allowedDependencies = {
      "platform",
      "org",
      "identity",
      "people",
      "enrolment",
      "curriculum",
      "assessment",
      "gradebook",
      "attendance",
      "kindergarten"
    })
package vn.truongso.demo;
