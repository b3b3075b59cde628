package vn.truongso.gradebook.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.assessment.Comment;
import vn.truongso.assessment.ConductRecord;
import vn.truongso.assessment.Finding;
import vn.truongso.assessment.InvalidRecordException;
import vn.truongso.assessment.Level;
import vn.truongso.assessment.Mark;
import vn.truongso.assessment.Policies;
import vn.truongso.assessment.PolicyCode;
import vn.truongso.assessment.PolicyOptions;
import vn.truongso.assessment.Problem;
import vn.truongso.assessment.Score;
import vn.truongso.assessment.SecondaryPolicy;
import vn.truongso.assessment.StudentYear;
import vn.truongso.assessment.SubjectKind;
import vn.truongso.assessment.SubjectRecord;
import vn.truongso.assessment.SubjectResult;
import vn.truongso.assessment.TermMarks;
import vn.truongso.assessment.YearResult;

/**
 * The JSON of a stateless evaluation, shared by {@code POST /api/v1/assessment/evaluate} and {@code
 * java -jar truongso.jar evaluate}: reads a record field by field so that every mistake is named
 * with its path, evaluates it, and writes every computed value with the articles that decided it.
 */
final class EvaluationJson {

  // Scores are read as exact decimals: 8.95 must stay 8.95, never 8.949999.
  static final JsonMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private final BiFunction<String, Object[], String> messages;

  /**
   * @param messages resolves {@code assessment.problem.<code>} and {@code
   *     assessment.finding.<code>} keys with arguments
   */
  EvaluationJson(BiFunction<String, Object[], String> messages) {
    this.messages = messages;
  }

  /** The response body, and whether the record was valid. */
  record Answer(boolean valid, EvaluationBody body) {}

  /** More decimals than any mark has; past it a value is refused before any arithmetic. */
  private static final int MAX_SCALE = 20;

  private static final int MAX_ECHO = 24;

  /** A value as the client typed it, at most {@value #MAX_ECHO} characters. */
  static String typed(JsonNode n) {
    String t = n.toString();
    return t.length() <= MAX_ECHO ? t : t.substring(0, MAX_ECHO) + "…";
  }

  Answer evaluate(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json == null ? "" : json);
    } catch (JacksonException e) {
      return invalid(List.of(Problem.of("", "json.malformed")));
    }
    if (root == null || !root.isObject()) {
      return invalid(List.of(Problem.of("", "json.notAnObject")));
    }
    Reader reader = new Reader();
    PolicyCode code = reader.policy(root.get("policy"));
    if (code == PolicyCode.TT27_2020) {
      return new PrimaryEvaluationJson(this::invalid).evaluate(code, root);
    }
    StudentYear record = reader.record(root);
    PolicyOptions options = reader.options(root.get("options"));
    if (code == null) {
      return invalid(reader.problems);
    }
    SecondaryPolicy policy = Policies.secondary(code);
    // A value that could not be read is also "missing" to the policy: say it once, the reader's
    // way.
    List<Problem> problems = new ArrayList<>(reader.problems);
    java.util.Set<String> named =
        reader.problems.stream().map(Problem::path).collect(java.util.stream.Collectors.toSet());
    policy.check(record).stream().filter(p -> !named.contains(p.path())).forEach(problems::add);
    if (!problems.isEmpty()) {
      return invalid(problems);
    }
    try {
      return new Answer(true, write(policy.evaluate(record, options)));
    } catch (InvalidRecordException e) {
      return invalid(e.problems());
    }
  }

  /** One refusal in the same shape as a record's problems (content type, size, rate). */
  Answer refusal(String field, String code, Object... args) {
    return invalid(List.of(Problem.of(field, code, args)));
  }

  private Answer invalid(List<Problem> problems) {
    List<EvaluationBody.Error> errors = new ArrayList<>();
    for (Problem p : problems) {
      errors.add(
          new EvaluationBody.Error(
              p.path(),
              p.code(),
              messages.apply("assessment.problem." + p.code(), p.args().toArray())));
    }
    return new Answer(
        false,
        new EvaluationBody.Invalid(messages.apply("assessment.invalid", new Object[0]), errors));
  }

  private EvaluationBody.Results write(YearResult r) {
    List<EvaluationBody.Subject> subjects = new ArrayList<>();
    for (SubjectResult s : r.subjects()) {
      subjects.add(subject(s));
    }
    List<EvaluationBody.FindingText> findings = new ArrayList<>();
    for (Finding f : r.findings()) {
      findings.add(
          new EvaluationBody.FindingText(
              f.code(), messages.apply("assessment.finding." + f.code(), words(f.args()))));
    }
    return new EvaluationBody.Results(
        r.policy().name(),
        subjects,
        new EvaluationBody.Learning(
            name(r.learningTerm1()),
            name(r.learningTerm2()),
            name(r.learningYear()),
            name(r.learningAfterRetest())),
        r.overallYear() == null
            ? null
            : new EvaluationBody.Averages(r.overallTerm1(), r.overallTerm2(), r.overallYear()),
        name(r.conductYear()),
        name(r.conductAfterSummer()),
        r.outcome().name(),
        r.retestSubjects(),
        name(r.title()),
        findings);
  }

  /** "exempt" only when it is, the retest's result only when there was one. */
  private static EvaluationBody.Subject subject(SubjectResult s) {
    Boolean exempt = s.exempt() ? Boolean.TRUE : null;
    Object retest =
        s.yearAfterRetest() == null
            ? null
            : s.yearAfterRetest() instanceof Score sc
                ? sc.value()
                : ((Comment) s.yearAfterRetest()).name();
    return s.kind() == SubjectKind.SCORE
        ? new EvaluationBody.ScoreSubject(
            s.code(),
            s.kind().name(),
            exempt,
            s.term1Average(),
            s.term2Average(),
            s.yearAverage(),
            retest)
        : new EvaluationBody.CommentSubject(
            s.code(),
            s.kind().name(),
            exempt,
            name(s.term1Result()),
            name(s.term2Result()),
            name(s.yearResult()),
            retest);
  }

  /**
   * Finding arguments as the message shows them: levels and outcomes in words, numbers as numbers.
   */
  private Object[] words(List<String> args) {
    Object[] out = new Object[args.size()];
    for (int i = 0; i < out.length; i++) {
      String a = args.get(i);
      out[i] =
          a.matches("\\d+")
              ? Integer.valueOf(a)
              : a.matches("[A-Z_]+") ? messages.apply("assessment.value." + a, new Object[0]) : a;
    }
    return out;
  }

  private static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }

  /** Reads the request, collecting every problem instead of stopping at the first. */
  private static final class Reader {
    final List<Problem> problems = new ArrayList<>();

    PolicyCode policy(JsonNode n) {
      if (n == null || n.isNull()) {
        problems.add(Problem.of("policy", "policy.missing"));
        return null;
      }
      String text = n.isString() ? n.asString() : n.toString();
      if (!text.equals("TT22_2021") && !text.equals("TT58_2011") && !text.equals("TT27_2020")) {
        problems.add(Problem.of("policy", "policy.unknown", text));
        return null;
      }
      return PolicyCode.valueOf(text);
    }

    StudentYear record(JsonNode root) {
      int grade = integer(root.get("grade"), "grade", true, 0);
      List<SubjectRecord> subjects = new ArrayList<>();
      JsonNode list = root.get("subjects");
      if (list == null || !list.isArray()) {
        problems.add(Problem.of("subjects", "subjects.notAList"));
      } else {
        for (int i = 0; i < list.size(); i++) {
          subjects.add(subject(list.get(i), "subjects[" + i + "]"));
        }
      }
      ConductRecord conduct = conduct(root.get("conduct"));
      // Absences decide promotion (TT22 art. 12.1b, TT58 art. 15): never taken as zero by default.
      int absences = integer(root.get("absentSessions"), "absentSessions", true, 0);
      boolean plan = bool(root.get("individualPlan"), "individualPlan");
      return new StudentYear(grade, subjects, conduct, absences, plan);
    }

    PolicyOptions options(JsonNode n) {
      PolicyOptions d = PolicyOptions.defaults();
      if (n == null || n.isNull()) {
        return d;
      }
      boolean reassess =
          n.has("reassessAfterSummerTraining")
              ? bool(n.get("reassessAfterSummerTraining"), "options.reassessAfterSummerTraining")
              : d.reassessAfterSummerTraining();
      boolean adjust =
          n.has("adjustForCommentSubject")
              ? bool(n.get("adjustForCommentSubject"), "options.adjustForCommentSubject")
              : d.adjustForCommentSubject();
      return new PolicyOptions(reassess, adjust);
    }

    private SubjectRecord subject(JsonNode n, String at) {
      if (n == null || !n.isObject()) {
        problems.add(Problem.of(at, "json.notAnObject"));
        return new SubjectRecord(null, null, 0, false, null, null, null);
      }
      String code = n.has("code") && n.get("code").isString() ? n.get("code").asString() : null;
      SubjectKind kind = null;
      JsonNode k = n.get("kind");
      if (k == null || k.isNull()) {
        problems.add(Problem.of(at + ".kind", "subject.kind.missing"));
      } else if (k.isString() && (k.asString().equals("SCORE") || k.asString().equals("COMMENT"))) {
        kind = SubjectKind.valueOf(k.asString());
      } else {
        problems.add(Problem.of(at + ".kind", "subject.kind.unknown", k.toString()));
      }
      int periods = integer(n.get("periodsPerYear"), at + ".periodsPerYear", true, 0);
      boolean exempt = bool(n.get("exempt"), at + ".exempt");
      TermMarks t1 = term(n.get("term1"), at + ".term1", kind);
      TermMarks t2 = term(n.get("term2"), at + ".term2", kind);
      Mark retest = mark(n.get("retest"), at + ".retest", kind);
      return new SubjectRecord(code, kind, periods, exempt, t1, t2, retest);
    }

    private TermMarks term(JsonNode n, String at, SubjectKind kind) {
      if (n == null || n.isNull()) {
        return TermMarks.empty();
      }
      if (!n.isObject()) {
        problems.add(Problem.of(at, "json.notAnObject"));
        return TermMarks.empty();
      }
      List<Mark> regular = new ArrayList<>();
      JsonNode r = n.get("regular");
      if (r != null && !r.isNull()) {
        if (!r.isArray()) {
          problems.add(Problem.of(at + ".regular", "regular.notAList"));
        } else {
          for (int i = 0; i < r.size(); i++) {
            regular.add(mark(r.get(i), at + ".regular[" + i + "]", kind));
          }
        }
      }
      return new TermMarks(
          regular,
          mark(n.get("midterm"), at + ".midterm", kind),
          mark(n.get("final"), at + ".final", kind));
    }

    /** A score for a SCORE subject, DAT / CHUA_DAT for a COMMENT subject. */
    private Mark mark(JsonNode n, String at, SubjectKind kind) {
      if (n == null || n.isNull()) {
        return null;
      }
      if (n.isString()) {
        Comment c =
            switch (n.asString()) {
              case "DAT" -> Comment.DAT;
              case "CHUA_DAT" -> Comment.CHUA_DAT;
              default -> null;
            };
        if (c == null) {
          problems.add(Problem.of(at, "mark.unknown", n.asString()));
        } else if (kind == SubjectKind.SCORE) {
          problems.add(Problem.of(at, "mark.commentInScoreSubject"));
        }
        return c;
      }
      if (!n.isNumber()) {
        problems.add(Problem.of(at, "mark.unknown", typed(n)));
        return null;
      }
      BigDecimal v = n.decimalValue();
      if (kind == SubjectKind.COMMENT) {
        problems.add(Problem.of(at, "mark.scoreInCommentSubject"));
        return null;
      }
      // Echo the number as typed, cut: 1e999999999 written out in full is a gigabyte.
      if (v.signum() < 0 || v.compareTo(BigDecimal.TEN) > 0) {
        problems.add(Problem.of(at, "score.range", typed(n)));
        return null;
      }
      if (v.scale() > MAX_SCALE || !Score.valid(v)) {
        problems.add(Problem.of(at, "score.decimals", typed(n)));
        return null;
      }
      return new Score(v);
    }

    private ConductRecord conduct(JsonNode n) {
      if (n == null || !n.isObject()) {
        problems.add(Problem.of("conduct", "conduct.missing"));
        return null;
      }
      return new ConductRecord(
          level(n.get("term1"), "conduct.term1"),
          level(n.get("term2"), "conduct.term2"),
          level(n.get("year"), "conduct.year"),
          level(n.get("summer"), "conduct.summer"));
    }

    private Level level(JsonNode n, String at) {
      if (n == null || n.isNull()) {
        return null;
      }
      try {
        return Level.valueOf(n.asString());
      } catch (IllegalArgumentException | JacksonException e) {
        problems.add(Problem.of(at, "conduct.level.unknown", n.toString()));
        return null;
      }
    }

    private int integer(JsonNode n, String at, boolean required, int otherwise) {
      if (n == null || n.isNull()) {
        if (required) {
          problems.add(Problem.of(at, "integer.missing"));
        }
        return otherwise;
      }
      if (!n.isIntegralNumber() || !n.canConvertToInt()) {
        problems.add(Problem.of(at, "integer.notAnInteger", typed(n)));
        return otherwise;
      }
      return n.intValue();
    }

    private boolean bool(JsonNode n, String at) {
      if (n == null || n.isNull()) {
        return false;
      }
      if (!n.isBoolean()) {
        problems.add(Problem.of(at, "boolean.notABoolean", n.toString()));
        return false;
      }
      return n.booleanValue();
    }
  }
}
