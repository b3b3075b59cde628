/**
 * Control of the grade book: the principal's calendar of entry deadlines (entry windows), locks at
 * any scope (school year, term, grade, class, subject, class × subject, one assessment column) set
 * and lifted by the principal or by the data administrator on the principal's recorded instruction,
 * and the gate every save passes.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Control",
    allowedDependencies = {"platform", "org", "assessment"})
package vn.truongso.control;
