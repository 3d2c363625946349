// Start-up script of the java-course kernel: runs before the first cell of every notebook,
// so lessons need no imports and no % magics. Keep it short: it is on the kernel's start path.
import java.io.*;
import java.net.*;
import java.net.http.*;
import java.nio.file.*;
import java.time.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.util.concurrent.locks.*;
import java.util.function.*;
import java.util.stream.*;
import tech.tablesaw.api.Table;
import course.display.*;
import course.timing.*;
import course.chart.*;
import course.workload.*;
import course.server.*;
import course.process.*;
import course.python.*;
import course.litmus.*;
import course.trace.*;
import static course.display.Show.show;
