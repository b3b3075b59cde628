package vn.truongso.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import vn.truongso.assessment.Competence;
import vn.truongso.assessment.PolicyOptions;
import vn.truongso.assessment.PrimaryLevel;
import vn.truongso.assessment.PrimaryYear;
import vn.truongso.assessment.PrimaryYearResult;
import vn.truongso.assessment.Quality;
import vn.truongso.assessment.QualityLevel;
import vn.truongso.assessment.Records;
import vn.truongso.assessment.StudentYear;
import vn.truongso.assessment.YearResult;
import vn.truongso.assessment.tt22.Tt22Policy;
import vn.truongso.assessment.tt27.Tt27Policy;
import vn.truongso.assessment.tt58.Tt58Policy;

/**
 * Issue 4's JMH benchmark: evaluating one student's year (12 subjects, every mark, conduct,
 * absences) under each circular, on one thread; issue 19's primary year (TT27) beside them. Run
 * with {@code bench/policy.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class PolicyBenchmark {

  StudentYear tt22Good;
  StudentYear tt22Retest;
  StudentYear tt58;
  PrimaryYear tt27;

  @Setup
  public void setUp() {
    String comments =
        " giao_duc_the_chat=D nghe_thuat=D hoat_dong_trai_nghiem_huong_nghiep=D"
            + " noi_dung_giao_duc_dia_phuong=D";
    tt22Good =
        Records.year(
            "TT22_2021",
            "ngu_van=8.5 toan=9.0 ngoai_ngu_1=8.0 giao_duc_cong_dan=9.0 lich_su_dia_li=8.0"
                + " khoa_hoc_tu_nhien=8.0 cong_nghe=7.5 tin_hoc=9.5"
                + comments,
            "KHA,TOT",
            3);
    tt22Retest =
        Records.year(
            "TT22_2021",
            "ngu_van=6.0 toan=4.0 ngoai_ngu_1=4.5 giao_duc_cong_dan=6.0 lich_su_dia_li=6.0"
                + " khoa_hoc_tu_nhien=4.5 cong_nghe=6.0 tin_hoc=6.0"
                + comments,
            "DAT,DAT",
            10,
            "toan=5.5",
            "ngoai_ngu_1=6.0",
            "khoa_hoc_tu_nhien=5.0");
    tt58 =
        Records.year(
            "TT58_2011",
            "toan=8.0 ngu_van=7.0 ngoai_ngu=8.5 vat_li=8.5 hoa_hoc=8.0 sinh_hoc=8.0 lich_su=8.0"
                + " dia_li=8.0 the_duc=D am_nhac=D",
            "KHA,TOT,TOT",
            0);
    tt27 = primaryYear();
  }

  /** Ten subjects and activities, six of them tested, every quality and competency Tốt. */
  static PrimaryYear primaryYear() {
    java.util.List<PrimaryYear.PrimarySubject> subjects = new java.util.ArrayList<>();
    String[] tested = {
      "tieng_viet", "toan", "ngoai_ngu_1", "lich_su_va_dia_li", "khoa_hoc", "tin_hoc_va_cong_nghe"
    };
    for (String code : tested) {
      subjects.add(new PrimaryYear.PrimarySubject(code, PrimaryLevel.HOAN_THANH_TOT, true, 9));
    }
    for (String code : new String[] {"dao_duc", "giao_duc_the_chat", "nghe_thuat", "hdtn"}) {
      subjects.add(new PrimaryYear.PrimarySubject(code, PrimaryLevel.HOAN_THANH_TOT, false, null));
    }
    java.util.Map<Quality, QualityLevel> qualities = new java.util.EnumMap<>(Quality.class);
    for (Quality q : Quality.values()) {
      qualities.put(q, QualityLevel.TOT);
    }
    java.util.Map<Competence, QualityLevel> competences = new java.util.EnumMap<>(Competence.class);
    for (Competence c : Competence.values()) {
      competences.put(c, QualityLevel.TOT);
    }
    return new PrimaryYear(5, subjects, qualities, competences, false, null, false, null);
  }

  @Benchmark
  public YearResult tt22PromotedWithTitle() {
    return Tt22Policy.INSTANCE.evaluate(tt22Good, PolicyOptions.defaults());
  }

  @Benchmark
  public YearResult tt22AfterReassessment() {
    return Tt22Policy.INSTANCE.evaluate(tt22Retest, PolicyOptions.defaults());
  }

  @Benchmark
  public PrimaryYearResult tt27() {
    return Tt27Policy.INSTANCE.evaluate(tt27);
  }

  @Benchmark
  public YearResult tt58() {
    return Tt58Policy.INSTANCE.evaluate(tt58, PolicyOptions.defaults());
  }
}
