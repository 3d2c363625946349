/**
 * The course's helper library: every notebook imports it through the kernel's start-up script.
 *
 * <p>Packages hold one concept each: {@code course.display} shows things in a notebook,
 * {@code course.timing} measures, {@code course.chart} draws, and so on.
 */
package course;
