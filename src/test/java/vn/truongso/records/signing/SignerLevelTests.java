package vn.truongso.records.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * How {@code truongso.signing.level} and {@code truongso.signing.tsa-url} combine: no level means T
 * with a TSA and B without; a level above B without a TSA, or an unknown level, stops the start.
 */
class SignerLevelTests {

  private final Clock clock = Clock.fixed(Instant.parse("2026-06-01T03:00:00Z"), ZoneOffset.UTC);

  @Test
  void theConfiguredLevelFollowsTheAuthority() {
    assertThat(new Signer(clock, "", "").level()).isEqualTo(Signer.Level.B);
    assertThat(new Signer(clock, "http://tsa.invalid/", "").level()).isEqualTo(Signer.Level.T);
    assertThat(new Signer(clock, "http://tsa.invalid/", " lt ").level()).isEqualTo(Signer.Level.LT);
    assertThat(new Signer(clock, "http://tsa.invalid/", "B").level()).isEqualTo(Signer.Level.B);
    assertThat(new Signer(clock).level()).isEqualTo(Signer.Level.B);
  }

  /** The application's own properties, with TRUONGSO_TSA_URL as the environment would give it. */
  @Test
  void theEnvironmentVariableReachesTheSigner() throws Exception {
    assertThat(configured(Map.of()).level()).isEqualTo(Signer.Level.B);
    assertThat(configured(Map.of("TRUONGSO_TSA_URL", "http://tsa.invalid/")).level())
        .isEqualTo(Signer.Level.T);
    assertThat(
            configured(
                    Map.of(
                        "TRUONGSO_TSA_URL", "http://tsa.invalid/", "TRUONGSO_SIGNING_LEVEL", "LT"))
                .level())
        .isEqualTo(Signer.Level.LT);
  }

  private Signer configured(Map<String, Object> environment) throws Exception {
    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(new ResourcePropertySource("classpath:application.properties"));
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(new MapPropertySource("env", environment));
      context.registerBean(Clock.class, () -> clock);
      context.register(Signer.class);
      context.refresh();
      return context.getBean(Signer.class);
    }
  }

  @Test
  void aLevelAboveBWithoutAnAuthorityOrAnUnknownLevelIsRefused() {
    assertThatThrownBy(() -> new Signer(clock, "", "LT"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truongso.signing.tsa-url");
    assertThatThrownBy(() -> new Signer(clock, "http://tsa.invalid/", "LTA"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("B, T or LT");
  }
}
