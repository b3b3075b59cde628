@org.springframework.modulith.NamedInterface("writes")
package vn.truongso.modularity.named.book.writes;
