package vn.truongso.kindergarten.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.truongso.kindergarten.PastMeasurements;
import vn.truongso.kindergarten.internal.growth.GrowthRules;
import vn.truongso.people.People;
import vn.truongso.platform.NotFoundException;

/** {@link PastMeasurements}: checked as the page checks a measurement, written together. */
@Service
class PastMeasurementsImport implements PastMeasurements {

  private final GrowthStore store;
  private final People people;
  private final Clock clock;

  PastMeasurementsImport(GrowthStore store, People people, Clock clock) {
    this.store = store;
    this.people = people;
    this.clock = clock;
  }

  @Override
  @Transactional
  public int bringIn(long schoolId, long studentId, List<Measured> measurements, long by) {
    People.Student s =
        people
            .student(schoolId, studentId)
            .orElseThrow(() -> new NotFoundException("kindergarten.student"));
    LocalDate today = LocalDate.now(clock);
    for (Measured m : measurements) {
      GrowthRules.requireValid(m.on(), s.birthDate(), today, m.weightKg(), m.lengthCm());
      store.save(
          schoolId,
          new GrowthStore.Stored(
              0, studentId, m.on(), m.weightKg(), m.lengthCm(), null, false, false),
          by,
          clock.instant());
    }
    return measurements.size();
  }
}
