/**
 * The grade book's door for the correction procedure alone: {@link Marks} reads cells for a request
 * and makes the one write that passes a closed cell. A named interface, so that only a module that
 * names {@code gradebook :: corrections} among its dependencies may use it (reporting, which reads
 * the book, cannot write past a lock).
 */
@org.springframework.modulith.NamedInterface("corrections")
package vn.truongso.gradebook.corrections;
