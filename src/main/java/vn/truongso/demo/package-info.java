/**
 * Demo data: a province, a ward office, a lower-secondary, a primary school and a kindergarten with
 * staff, classes, students, guardians and an account for every role. On only with the embedded
 * database; nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Demo data",
    allowedDependencies = {"platform", "org", "identity", "people", "enrolment", "curriculum"})
package vn.truongso.demo;
