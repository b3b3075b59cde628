package vn.truongso.platform.web;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The client's address is the connection's, unless the connection comes from a reverse proxy named
 * in {@code TRUONGSO_TRUSTED_PROXIES} (comma-separated addresses, empty by default): only then is
 * its {@code X-Forwarded-For} and {@code X-Forwarded-Proto} believed. Anyone else could otherwise
 * choose their own address, slip past the per-address login limit, get a victim's address blocked
 * and forge the addresses in the audit and login records.
 */
@Configuration(proxyBeanMethods = false)
class TrustedProxies {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> trustedProxyValve(
      @Value("${truongso.trusted-proxies:}") String proxies) {
    List<String> addresses = parse(proxies);
    return factory -> {
      if (addresses.isEmpty()) {
        return;
      }
      RemoteIpValve valve = new RemoteIpValve();
      valve.setInternalProxies(regex(addresses));
      valve.setTrustedProxies(null);
      valve.setRemoteIpHeader("X-Forwarded-For");
      valve.setProtocolHeader("X-Forwarded-Proto");
      factory.addEngineValves(valve);
    };
  }

  static List<String> parse(String proxies) {
    return proxies == null
        ? List.of()
        : Arrays.stream(proxies.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** Tomcat takes the proxies as one regular expression: each address matched exactly. */
  static String regex(List<String> addresses) {
    return addresses.stream().map(Pattern::quote).collect(Collectors.joining("|"));
  }
}
