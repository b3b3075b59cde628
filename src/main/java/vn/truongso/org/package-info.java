/**
 * Organisations and time: the tree Ministry → province department (Sở GD&ĐT) → district office or
 * ward/commune office → school; schools with their levels and addresses (2025 administrative
 * units); school years with two terms and numbered weeks.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Organisations and school years",
    allowedDependencies = {"platform"})
package vn.truongso.org;
