package course.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering ARCHITECTURE.md draws, checked on lib's compiled main classes: each arrow one way, no cycle.
 *
 * <pre>
 *   lessons (course.lessonNN)        exercises (course.exercises.*)     grading tools
 *        |                                  |                           (batch grade, release, catalogue)
 *        v                                  v                                 |
 *   process  python  server  workload   grading API  &lt;--------------------------+----&gt; exercises
 *        \        |     |      /            |
 *         chart ----&gt; display, timing       |
 *                         \      |         /
 *                          course.platform (JDK only)
 * </pre>
 *
 * A rule here and the picture in ARCHITECTURE.md change together.
 */
class ArchitectureTest {

    /** The batch tools of the grader: the only lib code outside the exercises that may know them (the catalogue). */
    static final String GRADING_TOOLS = "course.grading.batch..";
    /** Helpers of particular lessons: {@code course.lessonNN} (one lesson) and {@code course.workers} (the processes lessons). */
    static final String[] LESSON_HELPERS = {"course.lesson..", "course.workers.."};
    /** The grading API exercise tests are written against. */
    static final String GRADING_API = "course.grading";

    private static JavaClasses lib;

    @BeforeAll
    static void importLib() {
        lib = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("course");
    }

    /** {@code pkg} may use the JDK, third-party libraries, itself and the course packages in {@code allowed}, nothing else of the course. */
    private static void onlyUses(String pkg, String... allowed) {
        List<String> own = new ArrayList<>(List.of("course." + pkg + ".."));
        for (String a : allowed) {
            own.add("course." + a + "..");
        }
        classes().that().resideInAPackage("course." + pkg + "..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("course..").or(resideInAnyPackage(own.toArray(String[]::new))))
                .because("course." + pkg + " sits below " + (allowed.length == 0 ? "every other course package"
                        : "everything but " + String.join(", ", allowed)) + " (ARCHITECTURE.md)")
                .allowEmptyShould(true)
                .check(lib);
    }

    @Test
    void platformUsesOnlyTheJdk() {
        onlyUses("platform");
    }

    @Test
    void displayKnowsNoChartAndNoTiming() {
        onlyUses("display", "platform");
    }

    @Test
    void timingKnowsNoDisplay() {
        onlyUses("timing", "platform");
    }

    @Test
    void chartDrawsWhatTimingMeasuresAndDisplaysItself() {
        onlyUses("chart", "display", "timing", "trace", "platform");
    }

    @Test
    void loopbackServerAndWorkloadsStandAlone() {
        onlyUses("server", "platform");
        onlyUses("workload", "server", "platform");
        onlyUses("python", "platform");
        onlyUses("litmus", "platform");
        onlyUses("trace", "platform");
    }

    @Test
    void processPoolsRunWorkloads() {
        onlyUses("process", "workload", "platform");
    }

    @Test
    void gradingApiDoesNotKnowTheExercises() {
        noClasses().that().resideInAPackage(GRADING_API)
                .should().dependOnClassesThat().resideInAPackage("course.exercises..")
                .because("exercise tests use the grading API; the API must not know them back")
                .check(lib);
    }

    @Test
    void onlyTheGradingToolsKnowTheExercises() {
        noClasses().that().resideOutsideOfPackages("course.exercises..", GRADING_TOOLS)
                .should().dependOnClassesThat().resideInAPackage("course.exercises..")
                .because("the exercises are a leaf: only the grading tools' catalogue finds them")
                .check(lib);
    }

    @Test
    void lessonHelpersAreLeaves() {
        classes().that().resideInAPackage("course..").and(not(resideInAnyPackage(LESSON_HELPERS)))
                .should().onlyDependOnClassesThat(not(resideInAnyPackage(LESSON_HELPERS)))
                .because("lesson helpers serve their lessons' notebooks; nothing in lib builds on them")
                .check(lib);
    }

    @Test
    void aLessonHelperPackageUsesNoOther() {
        slices().matching("course.(lesson*)..").should().notDependOnEachOther()
                .allowEmptyShould(true)
                .check(lib);
        noClasses().that().resideInAPackage("course.lesson..")
                .should().dependOnClassesThat().resideInAPackage("course.workers..")
                .allowEmptyShould(true)
                .check(lib);
    }

    @Test
    void workerProgramsRunOnTheProcessLayer() {
        onlyUses("workers", "process", "workload", "platform");
    }

    @Test
    void noCycleBetweenAnyPackages() {
        slices().matching("course.(**)").should().beFreeOfCycles().check(lib);
    }
}
