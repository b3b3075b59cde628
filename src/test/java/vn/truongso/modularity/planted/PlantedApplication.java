package vn.truongso.modularity.planted;

/** A tiny application with a planted violation: beta uses alpha's internal class. */
@org.springframework.boot.autoconfigure.SpringBootApplication
public class PlantedApplication {}
