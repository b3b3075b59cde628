/**
 * Enrolment: classes of a school year with their homeroom teacher, and which student is in which
 * class from which day. Every change is a new dated row, so any day's roster can be reproduced.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Classes and enrolment",
    allowedDependencies = {"platform", "platform :: xlsx", "org", "people"})
package vn.truongso.enrolment;
