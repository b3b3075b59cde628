/**
 * Reading and writing Excel workbooks the way schools hand them over: a streaming reader that
 * rejects what cannot be imported faithfully (formulas, merged cells, too many rows, not .xlsx)
 * with a message pointing at the cell.
 */
@org.springframework.modulith.NamedInterface("xlsx")
package vn.truongso.platform.xlsx;
