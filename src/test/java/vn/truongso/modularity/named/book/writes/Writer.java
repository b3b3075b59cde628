package vn.truongso.modularity.named.book.writes;

public interface Writer {
  void write(String value);
}
