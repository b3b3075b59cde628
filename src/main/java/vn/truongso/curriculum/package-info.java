/**
 * Curriculum: the subjects of the 2018 general-education programme by grade with their periods and
 * assessment mode, and teaching assignments (teacher × class × subject × term).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Curriculum and teaching assignments",
    allowedDependencies = {"platform", "org", "people", "enrolment"})
package vn.truongso.curriculum;
