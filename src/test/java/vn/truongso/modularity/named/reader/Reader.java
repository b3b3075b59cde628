package vn.truongso.modularity.named.reader;

import vn.truongso.modularity.named.book.writes.Writer;

public class Reader {
  public void sneak(Writer w) {
    w.write("past the lock");
  }
}
