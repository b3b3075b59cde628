package vn.truongso.corrections;

import java.util.List;

/** A request with its cells and evidence, and what the user who reads it may do with it. */
public record Detail(Request request, List<Item> items, List<Evidence> evidence, Rights rights) {}
