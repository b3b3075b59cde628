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
import vn.truongso.assessment.PolicyOptions;
import vn.truongso.assessment.Records;
import vn.truongso.assessment.StudentYear;
import vn.truongso.assessment.YearResult;
import vn.truongso.assessment.tt22.Tt22Policy;
import vn.truongso.assessment.tt58.Tt58Policy;

/**
 * Issue 4's JMH benchmark: evaluating one student's year (12 subjects, every mark, conduct,
 * absences) under each circular, on one thread. Run with {@code bench/policy.sh}.
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
  public YearResult tt58() {
    return Tt58Policy.INSTANCE.evaluate(tt58, PolicyOptions.defaults());
  }
}
