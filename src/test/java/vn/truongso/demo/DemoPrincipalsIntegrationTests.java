package vn.truongso.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each demo school's page names its principal: the principal's account is that person. */
@SpringBootTest
class DemoPrincipalsIntegrationTests {

  @Autowired DemoFixture demo;
  @Autowired JdbcClient jdbc;

  @Test
  void theSchoolsPrincipalIsThePrincipalsAccount() {
    demo.ensure();
    List<String> mismatches =
        jdbc.sql(
                """
                SELECT a.username || ': ' || a.display_name || ' / ' || coalesce(s.principal_name, '-')
                FROM account a JOIN school s ON s.id = a.home_school_id
                WHERE a.username IN ('thcs.hieutruong', 'th.hieutruong', 'mn.hieutruong')
                  AND a.display_name IS DISTINCT FROM s.principal_name
                """)
            .query(String.class)
            .list();
    assertThat(mismatches).isEmpty();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM account WHERE username IN ('thcs.hieutruong',"
                        + " 'th.hieutruong', 'mn.hieutruong')")
                .query(Integer.class)
                .single())
        .isEqualTo(3);
  }
}
