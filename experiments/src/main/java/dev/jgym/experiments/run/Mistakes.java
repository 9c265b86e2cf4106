package dev.jgym.experiments.run;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/** A command-line mistake as one line in the project's words, with a suggestion where one fits. */
public final class Mistakes {
    /** Picocli's "Invalid value for option '--threads': 'zero' is not an int". */
    private static final java.util.regex.Pattern BAD_VALUE =
            java.util.regex.Pattern.compile("Invalid value for (?:option|positional parameter at index \\d+) \\(?'?(.+?)'?\\)?: '(.*)' is not an? (int|long|double|float)");

    private Mistakes() {}

    public static String describe(CommandLine.ParameterException ex) {
        CommandLine cmd = ex.getCommandLine();
        String path = cmd.getCommandSpec().qualifiedName();
        String where = path.startsWith("jgym ") ? path.substring(5) : path;
        String help = "`" + path + " --help`";
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            List<String> suggestions = u.getSuggestions();
            String hint = suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "?";
            boolean hasSubcommands = !cmd.getSubcommands().isEmpty();
            if (arg.startsWith("-")) return prefix(where) + "unknown option " + arg + hint + " (" + help + " lists the options)";
            if (hasSubcommands) return prefix(where) + "unknown command \"" + arg + "\"" + hint + " (" + help + " lists the commands)";
            return prefix(where) + "unexpected argument \"" + arg + "\" (" + help + ")";
        }
        String m = ex.getMessage() == null ? "invalid command line" : ex.getMessage();
        m = m.replace(System.lineSeparator(), " ").strip();
        java.util.regex.Matcher conversion = BAD_VALUE.matcher(m);
        if (conversion.matches()) {
            String expected = conversion.group(3).equals("double") || conversion.group(3).equals("float") ? "a number" : "an integer";
            return prefix(where) + conversion.group(1) + ": expected " + expected + ", found \"" + conversion.group(2) + "\"";
        }
        if (!m.isEmpty()) m = m.substring(0, 1).toLowerCase(Locale.ROOT) + m.substring(1);
        return prefix(where) + m + " (" + help + ")";
    }

    private static String prefix(String where) {
        return where.equals("jgym") ? "" : where + ": ";
    }
}
