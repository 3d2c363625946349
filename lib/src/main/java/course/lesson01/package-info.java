/**
 * Helpers for lesson 01 (threads): small programs that a notebook runs in a child JVM because
 * what they show, such as when a JVM exits, cannot be seen inside the kernel's long-lived JVM.
 */
package course.lesson01;
