/** The records module's implementation: document models, exporters, renderers. */
@org.jspecify.annotations.NullMarked
package vn.truongso.records.internal;
