/**
 * People: students, guardians and staff of a school, the national personal identification number,
 * ethnic groups and religions. Personal data of children is sensitive (Law 91/2025/QH15).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "People",
    allowedDependencies = {"platform", "org"})
package vn.truongso.people;
