package vn.truongso.records;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** Whoever receives a học bạ số document can fetch its schema without an account. */
@SpringBootTest
@AutoConfigureMockMvc
class SchemaIntegrationTests {

  @Autowired MockMvc mvc;

  @Test
  void theSchemaIsServedAtItsStableAddressToAnyone() throws Exception {
    byte[] shipped;
    try (InputStream in = getClass().getResourceAsStream("/records/hocbaso-1.xsd")) {
      shipped = in.readAllBytes();
    }
    mvc.perform(get("/schemas/hocbaso/1/hocbaso.xsd"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("application/xml"))
        .andExpect(content().bytes(shipped));
    mvc.perform(get("/schemas/hocbaso/9/hocbaso.xsd")).andExpect(status().isNotFound());
  }
}
