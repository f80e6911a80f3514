package grader.suite;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many points a hidden test is worth. Within one step every test carries the same points:
 * GitHub Classroom's log table computes a step's score as (tests passed / tests) x step points, so
 * equal points keep the table a student reads equal to the points Classroom records.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Points {
    /** The points. */
    int value();
}
