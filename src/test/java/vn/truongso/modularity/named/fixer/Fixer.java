package vn.truongso.modularity.named.fixer;

import vn.truongso.modularity.named.book.writes.Writer;

public class Fixer {
  public void correct(Writer w) {
    w.write("approved");
  }
}
