/**
 * Platform: what every module stands on — the clock, the one authorisation port ({@link
 * vn.truongso.platform.Authorization}), the one audit writer with its hash chain ({@link
 * vn.truongso.platform.AuditLog}), the database bootstrap, i18n, the page layout and error pages,
 * and the command line.
 *
 * <p>This package (not its sub-packages) is null-marked: a type is non-null unless it says
 * {@code @Nullable}, and NullAway checks it at every compile.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
    displayName = "Platform",
    allowedDependencies = {})
package vn.truongso.platform;
