import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The size rule of STYLE.md, checked in CI: no class file over 400 lines, no method (or
 * constructor) over 60 lines, counted from its name to its closing brace. Run with the JDK alone:
 *
 * <pre>java tools/CodeSize.java [--baseline FILE] DIR_OR_FILE...</pre>
 *
 * A baseline lists findings tolerated for now, one per line as printed; a finding not in it fails,
 * and so does a baseline line that no longer matches (the list only shrinks).
 */
public class CodeSize {

  static final int MAX_CLASS_LINES = 400;
  static final int MAX_METHOD_LINES = 60;
  private static final Pattern TYPE = Pattern.compile("\\b(class|interface|enum|record)\\b");
  private static final Pattern NEW = Pattern.compile("\\bnew\\s+[\\w.]+(<[^()]*>)?\\s*\\(");
  private static final Pattern ANNOTATION = Pattern.compile("@[\\w.]+(\\s*\\([^()]*\\))?");

  public static void main(String[] args) throws IOException {
    Path baseline = null;
    List<Path> roots = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--baseline")) {
        baseline = Path.of(args[++i]);
      } else {
        roots.add(Path.of(args[i]));
      }
    }
    Set<String> findings = new TreeSet<>();
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          findings.addAll(check(f, Files.readString(f)));
        }
      }
    }
    Set<String> allowed = new TreeSet<>();
    if (baseline != null && Files.exists(baseline)) {
      for (String line : Files.readAllLines(baseline)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          allowed.add(line.strip());
        }
      }
    }
    int failures = 0;
    for (String f : findings) {
      if (!allowed.contains(f)) {
        System.out.println("too long: " + f);
        failures++;
      }
    }
    for (String a : allowed) {
      if (!findings.contains(a)) {
        System.out.println("fixed, remove from the baseline: " + a);
        failures++;
      }
    }
    System.out.printf(
        "%d findings (%d in the baseline): classes <= %d lines, methods <= %d lines%n",
        findings.size(), allowed.size(), MAX_CLASS_LINES, MAX_METHOD_LINES);
    System.exit(failures == 0 ? 0 : 1);
  }

  /** Findings of one file: "path: N lines" for the class, "path#method: N lines" per method. */
  static List<String> check(Path file, String source) {
    List<String> out = new ArrayList<>();
    String name = file.toString().replace('\\', '/');
    String[] lines = source.split("\n", -1);
    int classLines = source.endsWith("\n") ? lines.length - 1 : lines.length;
    if (classLines > MAX_CLASS_LINES) {
      out.add(name + ": " + classLines + " lines");
    }
    for (int[] m : methods(blank(source))) {
      int length = m[2] - m[1] + 1;
      if (length > MAX_METHOD_LINES) {
        out.add(name + "#" + methodName(source, m[0]) + ": " + length + " lines");
      }
    }
    return out;
  }

  /** Each method as {offset of its name, first line, last line}. */
  static List<int[]> methods(String code) {
    List<int[]> found = new ArrayList<>();
    Deque<Character> kinds = new ArrayDeque<>(); // T type body, M method body, B other block
    Deque<int[]> open = new ArrayDeque<>();
    int headerStart = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == ';') {
        headerStart = i + 1;
      } else if (c == '{') {
        String header = code.substring(headerStart, i);
        char parent = kinds.isEmpty() ? 'T' : kinds.peek();
        char kind = kindOf(header, parent);
        kinds.push(kind);
        int nameAt = kind == 'M' ? nameOffset(code, headerStart, header) : i;
        open.push(new int[] {nameAt, lineOf(code, nameAt)});
        headerStart = i + 1;
      } else if (c == '}') {
        if (!kinds.isEmpty()) {
          char kind = kinds.pop();
          int[] start = open.pop();
          if (kind == 'M') {
            found.add(new int[] {start[0], start[1], lineOf(code, i)});
          }
        }
        headerStart = i + 1;
      }
    }
    return found;
  }

  private static char kindOf(String header, char parent) {
    String h = ANNOTATION.matcher(header).replaceAll(" ").strip();
    if (TYPE.matcher(h).find() || anonymousClass(h)) {
      return 'T';
    }
    if (parent == 'T' && !h.contains("=") && !h.isEmpty() && !h.equals("static")) {
      return 'M';
    }
    return 'B';
  }

  /** "new Type(args)" whose closing parenthesis ends the header opens an anonymous class body. */
  private static boolean anonymousClass(String h) {
    Matcher m = NEW.matcher(h);
    int last = -1;
    while (m.find()) {
      last = m.end() - 1;
    }
    if (last < 0) {
      return false;
    }
    int depth = 0;
    for (int k = last; k < h.length(); k++) {
      depth += h.charAt(k) == '(' ? 1 : h.charAt(k) == ')' ? -1 : 0;
      if (depth == 0) {
        return h.substring(k + 1).isBlank();
      }
    }
    return false;
  }

  private static int nameOffset(String code, int headerStart, String header) {
    Matcher a = ANNOTATION.matcher(header);
    StringBuilder h = new StringBuilder(header);
    while (a.find()) {
      for (int k = a.start(); k < a.end(); k++) {
        h.setCharAt(k, ' ');
      }
    }
    int paren = h.indexOf("(");
    int end = paren < 0 ? h.length() : paren;
    int k = end - 1;
    while (k > 0 && Character.isWhitespace(h.charAt(k))) {
      k--;
    }
    while (k > 0 && Character.isJavaIdentifierPart(h.charAt(k - 1))) {
      k--;
    }
    return headerStart + Math.max(k, 0);
  }

  private static String methodName(String source, int at) {
    int e = at;
    while (e < source.length() && Character.isJavaIdentifierPart(source.charAt(e))) {
      e++;
    }
    return source.substring(at, e);
  }

  private static int lineOf(String code, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (code.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** Comments, strings, text blocks and character literals blanked, line breaks kept. */
  static String blank(String s) {
    StringBuilder b = new StringBuilder(s);
    int i = 0;
    while (i < s.length()) {
      if (s.startsWith("//", i)) {
        i = fill(b, i, s.indexOf('\n', i) < 0 ? s.length() : s.indexOf('\n', i));
      } else if (s.startsWith("/*", i)) {
        int e = s.indexOf("*/", i + 2);
        i = fill(b, i, e < 0 ? s.length() : e + 2);
      } else if (s.startsWith("\"\"\"", i)) {
        int e = s.indexOf("\"\"\"", i + 3);
        while (e > 0 && s.charAt(e - 1) == '\\') {
          e = s.indexOf("\"\"\"", e + 1);
        }
        i = fill(b, i, e < 0 ? s.length() : e + 3);
      } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
        char q = s.charAt(i);
        int e = i + 1;
        while (e < s.length() && s.charAt(e) != q) {
          e += s.charAt(e) == '\\' ? 2 : 1;
        }
        i = fill(b, i, Math.min(e + 1, s.length()));
      } else {
        i++;
      }
    }
    return b.toString();
  }

  private static int fill(StringBuilder b, int from, int to) {
    for (int k = from; k < to; k++) {
      if (b.charAt(k) != '\n') {
        b.setCharAt(k, ' ');
      }
    }
    return to;
  }
}
