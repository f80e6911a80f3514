package grader.cli;

import grader.export.TemplateExporter;
import grader.export.TemplateFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code export <dir>}: writes the student template, bundled in the grader, into a directory. */
@Command(name = "export", header = "Write the student template into a directory.",
        description = "Writes the stubs, public tests, guide (as README.md), runtime, Maven wrapper, Classroom "
                + "workflow, devcontainer, .gitignore and GRADING.md. No solution, no hidden test, no grader "
                + "code. Exporting over an older export updates it.")
final class ExportCommand implements Callable<Integer> {
    private final PrintStream out;

    @Spec
    private CommandSpec spec;

    @Mixin
    private HelpOption help;

    @Parameters(paramLabel = "<dir>", description = "Where to write the template; made if it does not exist.")
    private Path target;

    /** The command, printing what it wrote to {@code out}. */
    ExportCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new ParameterException(spec.commandLine(), target + " exists and is not a directory");
        }
        TemplateExporter.Result result = new TemplateExporter(TemplateFiles.bundled()).export(target);
        out.println("Student template exported to " + target.toAbsolutePath().normalize() + ": "
                + result.written().size() + " files written, " + result.unchanged().size() + " unchanged, "
                + result.removed().size() + " removed.");
        result.removed().forEach(path -> out.println("  removed (no longer in the template): " + path));
        out.println("Next: commit and push it as the assignment's template repository (README, \"Instructor set-up\").");
        return Main.OK;
    }
}
