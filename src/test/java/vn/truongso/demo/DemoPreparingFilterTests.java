package vn.truongso.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** While the demo data is made, the sign-in page says so instead of refusing the demo accounts. */
class DemoPreparingFilterTests {

  @AfterEach
  void ready() {
    DemoStartup.PREPARING.set(false);
  }

  @Test
  void whilePreparingEveryPageSaysSoAndReloads() throws Exception {
    DemoPreparingFilter filter = new DemoPreparingFilter(enabled(), new MockEnvironment());
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(new MockHttpServletRequest("POST", "/login"), response, chain);
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("Đang chuẩn bị dữ liệu mẫu");
    assertThat(chain.getRequest()).as("the login was not attempted").isNull();

    DemoStartup.PREPARING.set(false);
    MockFilterChain after = new MockFilterChain();
    filter.doFilter(
        new MockHttpServletRequest("GET", "/login"), new MockHttpServletResponse(), after);
    assertThat(after.getRequest()).isNotNull();
  }

  @Test
  void aCommandOrADisabledDemoNeverWaits() {
    new DemoPreparingFilter(
        enabled(), new MockEnvironment().withProperty("truongso.command", "backup"));
    assertThat(DemoStartup.PREPARING.get()).isFalse();
  }

  private static DemoSettings enabled() {
    return new DemoSettings(new MockEnvironment().withProperty("truongso.demo.enabled", "true"));
  }
}
