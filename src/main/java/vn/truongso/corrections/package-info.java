/**
 * Corrections of marks after entry has closed: the teacher's request with evidence, the principal's
 * decision, the two-person execution by the teacher and the data administrator, the relocking of
 * what was corrected, and the minutes to sign (DH-SD art. 5.2, BA-HBS art. 5).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Corrections",
    allowedDependencies = {"platform", "org", "control", "gradebook", "gradebook :: corrections"})
package vn.truongso.corrections;
