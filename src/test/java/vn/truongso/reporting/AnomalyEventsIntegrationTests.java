package vn.truongso.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.truongso.identity.Role;
import vn.truongso.reporting.internal.AnomalyFlags;
import vn.truongso.support.MovableClock;
import vn.truongso.support.TestAccounts;
import vn.truongso.support.TestClasses;

/**
 * The home page's anomaly flags are the stored ones, kept current by the grade book's {@code
 * MarksChanged} events through the event publication registry: a change made after the leader's
 * last look shows without opening the anomaly page, and a refresh cut off between the commit and
 * its end (a crash) is delivered again when the application starts, as start-up resubmits every
 * incomplete publication.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AnomalyEventsIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestClasses testClasses;
  @Autowired TestAccounts testAccounts;
  @Autowired MovableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired IncompleteEventPublications incomplete;
  @MockitoSpyBean AnomalyFlags flags;

  @AfterEach
  void backToNow() {
    clock.reset();
  }

  @Test
  void marksChangedAfterTheLastLookShowOnTheHomePageWithoutRecomputingIt() throws Exception {
    TestClasses.Taught t = testClasses.taught(7, "toan", 1);
    Authentication vice =
        testAccounts.create(t.school(), Role.VICE_PRINCIPAL, "Phó HT", "x", false).signedIn();
    assertThat(home(vice)).contains("anomalies-panel", "Không có dấu hiệu nào chưa xem xét");

    nightOfChanges(t);

    assertThat(home(vice)).contains("Có 2 dấu hiệu chưa xem xét");
    assertThat(undelivered()).isZero();
  }

  @Test
  void aRefreshCutOffAfterTheCommitIsDoneWhenTheApplicationStartsAgain() throws Exception {
    TestClasses.Taught t = testClasses.taught(7, "toan", 1);
    Authentication vice =
        testAccounts.create(t.school(), Role.VICE_PRINCIPAL, "Phó HT", "x", false).signedIn();
    Authentication teacher = t.subjectTeacher().signedIn();
    clock.moveTo(LocalDateTime.of(2026, 11, 10, 23, 15));
    String[] marks = {"5", "6", "7", "8"};
    for (int v = 0; v < marks.length; v++) {
      save(t, teacher, marks[v], v);
    }
    assertThat(home(vice)).doesNotContain("Có 2 dấu hiệu");
    // The delivery of the fifth change dies half-way, as if the server were killed after the
    // mark was committed and before the flags were refreshed.
    doThrow(new IllegalStateException("cut off"))
        .when(flags)
        .refreshUnlessSeen(anyLong(), anyInt(), any(), any());
    save(t, teacher, "9", 4);
    doCallRealMethod().when(flags).refreshUnlessSeen(anyLong(), anyInt(), any(), any());

    assertThat(undelivered()).isEqualTo(1);
    assertThat(home(vice)).doesNotContain("Có 2 dấu hiệu");

    incomplete.resubmitIncompletePublications(p -> true); // what every start-up does first

    assertThat(undelivered()).isZero();
    assertThat(home(vice)).contains("Có 2 dấu hiệu chưa xem xét");
  }

  private void nightOfChanges(TestClasses.Taught t) throws Exception {
    clock.moveTo(LocalDateTime.of(2026, 11, 10, 23, 15));
    String[] marks = {"5", "6", "7", "8", "9"};
    for (int v = 0; v < marks.length; v++) {
      save(t, t.subjectTeacher().signedIn(), marks[v], v);
    }
  }

  private int undelivered() {
    return jdbc.sql(
            "SELECT count(*) FROM event_publication WHERE event_type LIKE '%MarksChanged'"
                + " AND completion_date IS NULL")
        .query(Integer.class)
        .single();
  }

  private String home(Authentication who) throws Exception {
    return LeaderPages.home(mvc, who);
  }

  private void save(TestClasses.Taught t, Authentication who, String value, int version)
      throws Exception {
    LeaderPages.saveMidterm(mvc, t, who, value, version);
  }
}
