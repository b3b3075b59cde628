/**
 * The one clock. Modules take the {@link java.time.Clock} bean; only a command that runs without
 * the application context (verifying a signature offline) asks {@link WallClock} directly.
 */
@org.springframework.modulith.NamedInterface("time")
package vn.truongso.platform.time;
