package vn.truongso.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /api/openapi and shown at /api/docs. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

  @Bean
  OpenAPI truongsoApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("TruongSo API")
                .version("v1")
                .description(
                    "The TruongSo JSON API. Get a token with POST /api/v1/auth/token, then send"
                        + " 'Authorization: Bearer <token>'. The same authorisation applies as on"
                        + " the pages; error details are in Vietnamese by default."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
  }
}
