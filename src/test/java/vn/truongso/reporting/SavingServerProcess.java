package vn.truongso.reporting;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.truongso.TruongSoApplication;
import vn.truongso.support.TestAccounts;

/**
 * TruongSo in a JVM of its own for the crash test: the whole application on the database the
 * environment names ({@code TRUONGSO_DB_URL} …), its listeners in the background as in production.
 * It saves one mid-term mark as the teacher, says {@value #SAVED} once the save has answered (the
 * mark committed), and waits to be killed.
 *
 * <p>Arguments: school, class, student, teacher account id, teacher user name, value, version.
 */
public final class SavingServerProcess {

  static final String SAVED = "truongso-crash-test: mark saved";

  private SavingServerProcess() {}

  public static void main(String[] args) throws Exception {
    ConfigurableApplicationContext context =
        new SpringApplication(TruongSoApplication.class)
            .run(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--truongso.reporting.refresh-in-background=true");
    MockMvc mvc =
        MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
            .apply(springSecurity())
            .build();
    LeaderPages.saveMidterm(
        mvc,
        Long.parseLong(args[0]),
        Long.parseLong(args[1]),
        Long.parseLong(args[2]),
        new TestAccounts.Created(Long.parseLong(args[3]), args[4]).signedIn(),
        args[5],
        Integer.parseInt(args[6]));
    System.out.println(SAVED);
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
