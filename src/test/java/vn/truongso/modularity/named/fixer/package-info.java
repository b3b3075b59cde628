@org.springframework.modulith.ApplicationModule(allowedDependencies = {"book :: writes"})
package vn.truongso.modularity.named.fixer;
