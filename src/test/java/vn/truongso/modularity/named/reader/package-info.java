@org.springframework.modulith.ApplicationModule(allowedDependencies = {"book"})
package vn.truongso.modularity.named.reader;
