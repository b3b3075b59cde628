/**
 * Assessment: the Ministry's circulars on assessing students, one pure policy per circular. Nothing
 * here touches a database, a clock or Spring: every input is a parameter, every output a value with
 * the articles that decided it. {@link vn.truongso.assessment.Policies} chooses the circular for a
 * cohort.
 */
package vn.truongso.assessment;
