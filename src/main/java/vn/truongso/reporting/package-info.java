/**
 * What the school's leaders read about the grade book: the correction log to print before the
 * monthly meeting, the progress of entry against the deadlines, and the anomalies to look into
 * (DH-SD art. 5.2, BA-HBS art. 4). It only reads other modules' public APIs; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Reporting",
    allowedDependencies = {"platform", "org", "assessment", "control", "gradebook"})
package vn.truongso.reporting;
